using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Monitoring.Runbooks;

/// <summary>The one way runbooks change: create one for a component (an HTTP call or a configured command) or delete it; each audited in the same save.</summary>
internal sealed class RunbookCatalog(MonitoringDbContext db, IOptions<MonitoringOptions> options, IAuditLedger audit, TimeProvider time)
{
    /// <summary>Creates a runbook: an HTTP runbook needs an http(s) URL, a command runbook a command configured under Monitoring:Commands.</summary>
    public async Task<Result<RunbookDto>> CreateAsync(RunbookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var component = await db.Components.AsNoTracking().FirstOrDefaultAsync(c => c.Key == request.Component, cancellationToken);
        if (component is null)
        {
            errors["component"] = [$"No component with key '{request.Component}'."];
        }

        switch (request.Kind)
        {
            case RunbookKind.HttpCall when !Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps):
                errors["url"] = ["An HTTP runbook needs an absolute http(s) URL."];
                break;
            case RunbookKind.Command when request.Command is null || !options.Value.Commands.ContainsKey(request.Command):
                errors["command"] = [$"Name a command configured under Monitoring:Commands ({string.Join(", ", options.Value.Commands.Keys)})."];
                break;
            default:
                break;
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var runbook = new Runbook
        {
            Id = Guid.CreateVersion7(),
            ComponentId = component!.Id,
            Name = request.Name,
            Kind = request.Kind,
            Url = request.Kind == RunbookKind.HttpCall ? request.Url : null,
            Command = request.Kind == RunbookKind.Command ? request.Command : null,
            CooldownSeconds = request.CooldownSeconds,
            MaxAttemptsPerHour = request.MaxAttemptsPerHour,
            Enabled = request.Enabled,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Runbooks.Add(runbook);
        audit.Stage(db, new AuditRecord("monitoring.runbook.created", "Runbook", runbook.Id.ToString(), After: request));
        await db.SaveChangesAsync(cancellationToken);
        return RunbookDto.From(runbook, component.Key);
    }

    /// <summary>Deletes a runbook.</summary>
    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var runbook = await db.Runbooks.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (runbook is null)
        {
            return Error.NotFound("Runbook", id);
        }

        db.Runbooks.Remove(runbook);
        audit.Stage(db, new AuditRecord("monitoring.runbook.deleted", "Runbook", id.ToString(), Before: new { runbook.Name, Kind = runbook.Kind.ToString() }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
