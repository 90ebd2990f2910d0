using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Privacy;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>
/// Retention of the consent history (<c>access.consents</c>): a decision recorded before the cutoff is deleted once a
/// later decision of the same person for the same purpose has replaced it. The current decision of every purpose
/// stays however old it is: it is the evidence of what the person agreed to (GDPR art. 7(1)) and of a "do not sell
/// or share" opt-out that must go on being honoured.
/// </summary>
internal sealed class ConsentHistoryRetention(AccessDbContext db) : IRetentionPolicy
{
    public string Category => "access.consents";

    public Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken) =>
        db.Consents
            .Where(c => c.RecordedAt < cutoff
                && db.Consents.Any(later => later.SubjectEmailHash == c.SubjectEmailHash && later.Purpose == c.Purpose && later.RecordedAt > c.RecordedAt))
            .ExecuteDeleteAsync(cancellationToken);
}
