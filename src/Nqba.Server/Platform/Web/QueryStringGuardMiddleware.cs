namespace Nqba.Server.Platform.Web;

/// <summary>
/// Refuses a query string that carries control characters (other than tab and line breaks) in a name or a value,
/// before any page or endpoint reads it: PostgreSQL cannot store or compare NUL, so "?actor=%00" on a filtered list
/// would otherwise fail inside the database. The answer is a 400 problem naming each offending parameter (an HTML
/// page for a browser, problem+json for API clients), the same rule <see cref="FormBinding"/> applies to form fields.
/// </summary>
internal sealed class QueryStringGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (!context.Request.QueryString.HasValue)
        {
            await next(context);
            return;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            if (FormBinding.HasControlCharacter(name) || values.Any(v => v is not null && FormBinding.HasControlCharacter(v)))
            {
                errors[FormBinding.HasControlCharacter(name) ? "query" : name] = ["Contains control characters."];
            }
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid query string",
                Detail = "The query parameters " + string.Join(", ", errors.Keys.Select(k => $"'{k}'")) + " contain control characters.",
            },
        });
    }
}
