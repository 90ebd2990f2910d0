using Microsoft.AspNetCore.Routing;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// Records every successful state-changing request (POST, PUT, PATCH, DELETE) in the audit ledger with the
/// route, actor and IP, so no endpoint can change state unrecorded. Handlers add richer entries (before/after)
/// for their own domain changes.
/// </summary>
internal sealed class HttpAuditMiddleware(RequestDelegate next)
{
    private static readonly HashSet<string> StateChanging = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    public async Task InvokeAsync(HttpContext context, IAuditLedger ledger)
    {
        await next(context);
        if (!StateChanging.Contains(context.Request.Method) || context.Response.StatusCode >= 400)
        {
            return;
        }

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "/";
        await ledger.AppendAsync(
            new AuditRecord($"http.{context.Request.Method.ToLowerInvariant()}", "route", route, After: new { status = context.Response.StatusCode, path = context.Request.Path.Value }),
            CancellationToken.None);
    }
}
