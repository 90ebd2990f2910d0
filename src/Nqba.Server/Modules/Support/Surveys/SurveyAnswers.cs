using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>Records an answer through a signed link: validates the score for the survey's kind and accepts one answer per invitation.</summary>
internal sealed class SurveyAnswers(SupportDbContext db, SurveyLinks links, TimeProvider time)
{
    public static int Min(SurveyKind kind) => kind == SurveyKind.Csat ? 1 : 0;

    public static int Max(SurveyKind kind) => kind == SurveyKind.Csat ? 5 : 10;

    public async Task<SurveyInvitation?> FindAsync(string token, CancellationToken cancellationToken) =>
        links.Read(token) is { } id ? await db.Surveys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;

    public async Task<Result<SurveyInvitation>> AnswerAsync(string token, int score, string? comment, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken) is not { } invitation)
        {
            return Error.NotFound("Survey", "link");
        }

        if (score < Min(invitation.Kind) || score > Max(invitation.Kind))
        {
            return Error.Validation("score", $"score must be from {Min(invitation.Kind)} to {Max(invitation.Kind)}.");
        }

        if (comment?.Length > 2000)
        {
            return Error.Validation("comment", "comment is at most 2000 characters.");
        }

        // One answer per invitation: the conditional update lets exactly one request claim it. The answer, its comment
        // and the SurveyAnswered event (the KPIs' source) commit together.
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Surveys.IgnoreQueryFilters().Where(s => s.Id == invitation.Id && s.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.AnsweredAt, now).SetProperty(x => x.Score, score), cancellationToken);
        if (claimed == 0)
        {
            return Error.Conflict("This survey was already answered.");
        }

        if (!string.IsNullOrWhiteSpace(comment))
        {
            // Comments are encrypted at rest, which a bulk update cannot do: saved through the entity.
            var tracked = await db.Surveys.IgnoreQueryFilters().FirstAsync(s => s.Id == invitation.Id, cancellationToken);
            tracked.Comment = comment.Trim();
        }

        var kind = invitation.Kind == SurveyKind.Csat ? "csat" : "nps";
        db.Publish(new SurveyAnswered(invitation.Id, invitation.OrganizationId, invitation.TicketId, kind, score, now), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return invitation;
    }
}
