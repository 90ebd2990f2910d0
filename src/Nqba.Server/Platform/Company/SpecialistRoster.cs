using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Platform.Company;

/// <summary>Staff changes to specialists: capacity, taking part, and absences (each audited, the snapshot refreshed on save).</summary>
internal sealed class SpecialistRoster(PlatformDbContext db, IAuditLedger audit, TimeProvider time)
{
    /// <summary>The longest absence one request may declare.</summary>
    private static readonly TimeSpan LongestAbsence = TimeSpan.FromDays(366);

    public async Task<List<SpecialistDto>> ListAsync(CancellationToken cancellationToken) =>
        // Names and e-mails are encrypted: entities are materialized (which decrypts them), then sorted.
        [.. (await db.Specialists.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).Select(SpecialistDto.From)];

    public async Task<Result<SpecialistDto>> ChangeAsync(Guid id, SpecialistChangeRequest request, CancellationToken cancellationToken)
    {
        var specialist = await db.Specialists.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (specialist is null)
        {
            return Error.NotFound("Specialist", id);
        }

        var before = new { specialist.Capacity, specialist.Active };
        specialist.Capacity = request.Capacity ?? specialist.Capacity;
        specialist.Active = request.Active ?? specialist.Active;
        audit.Stage(db, new AuditRecord("platform.specialist.changed", "specialist", id.ToString(), before, new { specialist.Capacity, specialist.Active }));
        await db.SaveChangesAsync(cancellationToken);
        return SpecialistDto.From(specialist);
    }

    public async Task<Result<SpecialistDto>> MarkAbsentAsync(Guid id, SpecialistAbsenceRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = request.Until!.Value;
        if (until <= now || until - now > LongestAbsence)
        {
            return Error.Validation("until", "An absence ends in the future, at most 366 days from now.");
        }

        return await SetAbsenceAsync(id, until.UtcDateTime, cancellationToken);
    }

    public Task<Result<SpecialistDto>> EndAbsenceAsync(Guid id, CancellationToken cancellationToken) => SetAbsenceAsync(id, null, cancellationToken);

    private async Task<Result<SpecialistDto>> SetAbsenceAsync(Guid id, DateTime? until, CancellationToken cancellationToken)
    {
        var specialist = await db.Specialists.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (specialist is null)
        {
            return Error.NotFound("Specialist", id);
        }

        var before = new { specialist.AbsentUntil };
        specialist.AbsentUntil = until;
        audit.Stage(db, new AuditRecord(until is null ? "platform.specialist.returned" : "platform.specialist.absent", "specialist", id.ToString(), before, new { specialist.AbsentUntil }));
        await db.SaveChangesAsync(cancellationToken);
        return SpecialistDto.From(specialist);
    }
}
