using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Surveys;

internal static class SurveyEndpoints
{
    public static IEndpointRouteBuilder MapSurveyEndpoints(this IEndpointRouteBuilder app)
    {
        // The signed token is the only credential: whoever got the e-mail answers, once.
        var surveys = app.MapGroup("/api/support/surveys").WithTags("Support surveys").AllowAnonymous();
        surveys.MapGet("/{token}", GetSupportSurvey)
            .WithName("GetSupportSurvey");
        surveys.MapPost("/{token}", AnswerSupportSurvey)
            .RequireRateLimiting(Platform.Web.RateLimiting.PublicForms)
            .WithName("AnswerSupportSurvey")
            .WithSummary("Answers a CSAT (1–5) or NPS (0–10) survey through its signed link; a second answer gets 409.");

        var reports = app.MapGroup("/api/support/reports").WithTags("Support surveys").RequireAuthorization(NqbaPolicies.Staff);
        reports.MapGet("/satisfaction", GetSupportSatisfaction)
            .WithName("GetSupportSatisfaction")
            .WithSummary("CSAT, NPS and honest first-contact resolution for tickets first solved in the period (default: the last 90 days).");
        reports.MapPost("/nps/invite", InviteSupportNps)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("InviteSupportNps")
            .WithSummary("Sends the NPS invitations that are due now (the scheduler does this hourly).");
        return app;
    }

    private static async Task<Results<Ok<SurveyDto>, ProblemHttpResult>> GetSupportSurvey(string token, SurveyAnswers answers, CancellationToken ct) =>
        await answers.FindAsync(token, ct) is { } invitation
            ? TypedResults.Ok(new SurveyDto(invitation.Kind, SurveyAnswers.Min(invitation.Kind), SurveyAnswers.Max(invitation.Kind), invitation.AnsweredAt is not null))
            : Error.NotFound("Survey", "link").ToProblem();

    private static async Task<Results<NoContent, ProblemHttpResult>> AnswerSupportSurvey(string token, SurveyAnswerRequest request, SurveyAnswers answers, CancellationToken ct) =>
        (await answers.AnswerAsync(token, request.Score, request.Comment, ct)) is { Succeeded: false } failed ? failed.Error.ToProblem() : TypedResults.NoContent();

    private static async Task<Results<Ok<SatisfactionReport>, ProblemHttpResult>> GetSupportSatisfaction(SupportDbContext db, TimeProvider time, CancellationToken ct, DateTime? from = null, DateTime? to = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var end = to?.ToUniversalTime() ?? now;
        var start = from?.ToUniversalTime() ?? end.AddDays(-90);
        if (end <= start)
        {
            return Error.Validation("to", "to must be after from.").ToProblem();
        }

        var answers = await db.Surveys.AsNoTracking().Where(s => s.AnsweredAt != null && s.AnsweredAt >= start && s.AnsweredAt < end)
            .Select(s => new { s.Kind, s.Score }).ToListAsync(ct);
        var csat = answers.Where(a => a.Kind == SurveyKind.Csat).Select(a => a.Score!.Value).ToList();
        var nps = answers.Where(a => a.Kind == SurveyKind.Nps).Select(a => a.Score!.Value).ToList();
        int promoters = nps.Count(s => s >= 9), detractors = nps.Count(s => s <= 6);
        return TypedResults.Ok(new SatisfactionReport(
            start,
            end,
            csat.Count == 0 ? null : Math.Round(csat.Average(), 2),
            csat.Count,
            csat.Count == 0 ? null : Math.Round(100.0 * csat.Count(s => s >= 4) / csat.Count, 1),
            nps.Count == 0 ? null : (int)Math.Round(100.0 * (promoters - detractors) / nps.Count),
            nps.Count,
            promoters,
            nps.Count - promoters - detractors,
            detractors,
            await FcrAsync(db, start, end, now, ct)));
    }

    private static async Task<Ok<int>> InviteSupportNps(SurveyInviter inviter, CancellationToken ct) =>
        TypedResults.Ok(await inviter.InviteNpsAsync(ct));

    private static async Task<FcrFigures> FcrAsync(SupportDbContext db, DateTime start, DateTime end, DateTime now, CancellationToken ct)
    {
        // A ticket belongs to the period of its first solve; later solves (after reopens) do not move it.
        var solves = (await db.StatusChanges.AsNoTracking().Where(c => c.To == TicketStatus.Solved && c.At < end).Select(c => new { c.TicketId, c.At }).ToListAsync(ct))
            .GroupBy(c => c.TicketId).Select(g => new { TicketId = g.Key, First = g.Min(c => c.At) }).Where(x => x.First >= start).ToList();
        var ids = solves.Select(s => s.TicketId).ToList();
        var responses = (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.TicketId) && m.Author == MessageAuthor.Agent && !m.Internal)
            .Select(m => new { m.TicketId, m.At }).ToListAsync(ct)).ToLookup(m => m.TicketId, m => m.At);
        var reopens = (await db.StatusChanges.AsNoTracking().Where(c => ids.Contains(c.TicketId) && c.To == TicketStatus.Reopened)
            .Select(c => new { c.TicketId, c.At }).ToListAsync(ct)).ToLookup(c => c.TicketId, c => c.At);
        return FirstContactResolution.Compute(solves.Select(s => new FcrTicket(s.First, [.. responses[s.TicketId]], [.. reopens[s.TicketId]])), now);
    }
}
