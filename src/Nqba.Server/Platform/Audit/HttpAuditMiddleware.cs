using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// Records every successful state-changing request (POST, PUT, PATCH, DELETE) in the audit ledger with the
/// route, actor and IP, so no endpoint can change state unrecorded. Handlers add richer entries (before/after)
/// for their own domain changes. A real-time connection's own traffic (SignalR's negotiate and long-polling posts
/// of the chat hubs and of Blazor's circuit) changes nothing by itself and is not recorded: it filled the ledger.
/// </summary>
internal sealed class HttpAuditMiddleware(RequestDelegate next)
{
    private static readonly HashSet<string> StateChanging = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    public async Task InvokeAsync(HttpContext context, IAuditLedger ledger)
    {
        await next(context);
        if (!StateChanging.Contains(context.Request.Method) || context.Response.StatusCode >= 400 || IsConnectionTraffic(context.GetEndpoint()))
        {
            return;
        }

        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "/";
        await ledger.AppendAsync(
            new AuditRecord($"http.{context.Request.Method.ToLowerInvariant()}", "route", route, After: new { status = context.Response.StatusCode, path = context.Request.Path.Value }),
            CancellationToken.None);
    }

    private static bool IsConnectionTraffic(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<NegotiateMetadata>() is not null || endpoint?.Metadata.GetMetadata<HubMetadata>() is not null;
}
