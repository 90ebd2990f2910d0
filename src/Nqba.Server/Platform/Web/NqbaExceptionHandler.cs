using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Turns request-level failures into problem responses that say what was wrong (malformed JSON, body too
/// large, a bad parameter). Anything else is a bug: logged with its stack, answered with a plain 500 problem
/// that carries the trace id and never the stack trace.
/// </summary>
internal sealed partial class NqbaExceptionHandler(IProblemDetailsService problems, ILogger<NqbaExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Request body too large", "The request body is larger than the server accepts (Http:MaxRequestBodyBytes)."),
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is not valid JSON: " + json.Message),
            BadHttpRequestException bad =>
                (bad.StatusCode, "Bad request", bad.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal server error", "Something went wrong on our side. The error was logged; quote the trace id when reporting it."),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = status >= 500 ? null : exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (exception is BadHttpRequestException { InnerException: JsonException { Path: { Length: > 1 } path } invalid })
        {
            // Validation errors name the field: "$.priority" -> "priority", as the validation problems do.
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path] = [invalid.Message] };
        }

        return await problems.TryWriteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);
}
