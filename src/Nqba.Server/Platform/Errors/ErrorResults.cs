using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Platform.Errors;

/// <summary>Maps <see cref="Error"/> values to RFC 7807 problem responses: the one place this happens.</summary>
public static class ErrorResults
{
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields is not null)
        {
            extensions["errors"] = error.Fields;
        }

        return TypedResults.Problem(
            detail: error.Detail,
            statusCode: error.Status,
            title: error.Title,
            type: $"https://nqba.dev/problems/{error.Code}",
            extensions: extensions);
    }

    /// <summary>
    /// What a form page's <c>?error=</c> says about a failed write: the first field the error names
    /// (<c>week[2].closes</c>, <c>maxPerWeek</c>…), or the kind of failure (stale, conflict, missing, request).
    /// </summary>
    public static string ToFormField(this Error error) => error.Status switch
    {
        StatusCodes.Status412PreconditionFailed => "stale",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status404NotFound => "missing",
        _ => error.Fields?.Keys.FirstOrDefault() ?? "request",
    };

    /// <summary>200 with the value, or the error's problem response.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    /// <summary>200 with the value and its version as the ETag header (for If-Match), or the error's problem response.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToTaggedOk<T>(this Result<T> result, HttpResponse response, Func<T, int> version)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(version);
        if (result.Succeeded)
        {
            response.Headers.ETag = EntityTag.Of(version(result.Value));
        }

        return result.ToOk();
    }
}
