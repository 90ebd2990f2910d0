using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Nqba.Server.Resources;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Writes an error (404, 500, …) as a small styled HTML page in the visitor's language when a browser asks for HTML
/// outside <c>/api</c>; API clients (and anything not asking for text/html) keep getting problem+json.
/// </summary>
internal sealed class HtmlProblemDetailsWriter(IStringLocalizer<SiteResource> text) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/healthz") || request.Path.StartsWithSegments("/metrics"))
        {
            return false;
        }

        return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var (title, body) = status switch
        {
            StatusCodes.Status404NotFound => (text["NotFoundTitle"].Value, text["NotFoundBody"].Value),
            >= 500 => (text["ErrorTitle"].Value, text["ErrorBody", context.HttpContext.TraceIdentifier].Value),
            _ => (text["GenericErrorTitle"].Value, context.ProblemDetails.Detail ?? context.ProblemDetails.Title ?? string.Empty),
        };
        var lang = UiCultures.Current;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\" />")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\" />")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append(" · NQBA</title>")
            .Append("<link rel=\"stylesheet\" href=\"/app.css\" /></head><body><div class=\"shell\">")
            .Append("<header class=\"topbar\"><a class=\"brand\" href=\"/\">NQBA</a></header>")
            .Append("<main id=\"main\" class=\"content public\"><section class=\"card error-page\">")
            .Append("<p class=\"code\">").Append(status).Append("</p>")
            .Append("<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>")
            .Append("<p>").Append(WebUtility.HtmlEncode(body)).Append("</p>")
            .Append("<p><a class=\"button\" href=\"/\">").Append(WebUtility.HtmlEncode(text["BackHome"].Value)).Append("</a></p>")
            .Append("</section></main></div></body></html>")
            .ToString();
        var response = context.HttpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers[HeaderNames.CacheControl] = "no-store";
        await response.WriteAsync(html, context.HttpContext.RequestAborted);
    }
}
