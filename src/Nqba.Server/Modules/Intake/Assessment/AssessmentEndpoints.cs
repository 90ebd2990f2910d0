using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Intake.Assessment;

internal static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/leads/{leadId:guid}/assessment").WithTags("Assessments").RequireAuthorization(NqbaPolicies.Staff);

        staff.MapPost("/", StartAssessment)
            .WithName("StartAssessment")
            .WithSummary("Starts the lead's SigmaEQ assessment (or returns the one it has) with a signed resume link.");

        staff.MapGet("/", GetLeadAssessment)
            .WithName("GetLeadAssessment");

        staff.MapPost("/override", OverrideAssessment)
            .WithName("OverrideAssessment")
            .WithSummary("Overrides the recommended unit and/or meeting type, with a reason (audited).");

        // The prospect's side: the signed token is the only key, so these need no sign-in.
        var open = app.MapGroup("/api/assessments").WithTags("Assessments").AllowAnonymous().RequireRateLimiting(RateLimiting.PublicForms);

        open.MapGet("/questionnaire", GetQuestionnaire)
            .WithName("GetQuestionnaire")
            .WithSummary("The current SigmaEQ questionnaire definition.");

        open.MapGet("/{token}", GetAssessment)
            .WithName("GetAssessment");

        open.MapPut("/{token}/answers", AnswerAssessment)
            .WithName("AnswerAssessment");

        open.MapPost("/{token}/complete", CompleteAssessment)
            .WithName("CompleteAssessment");

        return app;
    }

    private static Ok<Questionnaire> GetQuestionnaire(QuestionnaireCatalog catalog) => TypedResults.Ok(catalog.Current);

    private static async Task<Results<Ok<AssessmentLinkDto>, ProblemHttpResult>> StartAssessment(Guid leadId, AssessmentService assessments, IntakeDbContext db, CancellationToken ct)
    {
        var result = await assessments.StartAsync(leadId, ct);
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        var language = await db.Leads.Where(l => l.Id == leadId).Select(l => l.Language).FirstAsync(ct);
        return TypedResults.Ok(new AssessmentLinkDto(result.Value.Assessment.Id, result.Value.Token, AssessmentLinks.PageUrl(result.Value.Token, language)));
    }

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> GetLeadAssessment(Guid leadId, AssessmentService assessments, IntakeDbContext db, CancellationToken ct) =>
        await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.LeadId == leadId, ct) is { } a
            ? TypedResults.Ok(AssessmentDto.From(a, assessments.QuestionnaireOf(a)))
            : Error.NotFound("Assessment of lead", leadId).ToProblem();

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> OverrideAssessment(Guid leadId, OverrideAssessmentRequest request, AssessmentService assessments, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await assessments.OverrideAsync(leadId, request, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "staff", ct);
        return result.Succeeded ? TypedResults.Ok(AssessmentDto.From(result.Value, assessments.QuestionnaireOf(result.Value))) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> GetAssessment(string token, string? lang, AssessmentService assessments, CancellationToken ct)
    {
        var found = await assessments.FindByTokenAsync(token, ct);
        return found.Succeeded
            ? TypedResults.Ok(AssessmentDto.From(found.Value, assessments.QuestionnaireOf(found.Value), UiCultures.Normalize(lang)))
            : found.Error.ToProblem();
    }

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> AnswerAssessment(string token, AnswersRequest request, AssessmentService assessments, CancellationToken ct)
    {
        var found = await assessments.FindByTokenAsync(token, ct);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }

        var saved = await assessments.AnswerAsync(found.Value, request.Answers, ct);
        return saved.Succeeded ? TypedResults.Ok(AssessmentDto.From(saved.Value, assessments.QuestionnaireOf(saved.Value))) : saved.Error.ToProblem();
    }

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> CompleteAssessment(string token, AssessmentService assessments, CancellationToken ct)
    {
        var found = await assessments.FindByTokenAsync(token, ct);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }

        var completed = await assessments.CompleteAsync(found.Value, ct);
        return completed.Succeeded ? TypedResults.Ok(AssessmentDto.From(completed.Value, assessments.QuestionnaireOf(completed.Value))) : completed.Error.ToProblem();
    }
}
