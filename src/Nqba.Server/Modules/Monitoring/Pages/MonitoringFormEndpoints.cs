using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Monitoring.Pages;

/// <summary>The staff monitoring pages' forms (anti-forgery checked); each redirects back to its page.</summary>
internal static class MonitoringFormEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/monitoring/incidents/{id:guid}/notify-clients", SubmitNotifyIncidentClients)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithTags("Monitoring forms")
            .ExcludeFromDescription()
            .WithFormBinding()
            .WithName("SubmitNotifyIncidentClients");
        return app;
    }

    private static async Task<RedirectHttpResult> SubmitNotifyIncidentClients(Guid id, [FromForm] NotifyClientsForm form, IncidentClientNotifier notifier, CancellationToken ct)
    {
        var result = await notifier.NotifyAsync(id, form.Message, ct);
        return TypedResults.LocalRedirect(result.Succeeded
            ? $"/monitoring/incidents/{id}?sent={result.Value.Recipients}&organizations={result.Value.Organizations.Count}"
            : $"/monitoring/incidents/{id}?error={Uri.EscapeDataString(string.Join(',', result.Error.Fields?.Keys ?? [result.Error.Title]))}");
    }
}
