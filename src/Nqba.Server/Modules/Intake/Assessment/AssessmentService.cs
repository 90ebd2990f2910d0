using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>Starts, answers, completes and overrides SigmaEQ assessments.</summary>
internal sealed class AssessmentService(IntakeDbContext db, QuestionnaireCatalog catalog, AssessmentLinks links, IAuditLedger audit, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Starts the lead's assessment under the current questionnaire, or returns the one it has.</summary>
    public async Task<Result<(LeadAssessment Assessment, string Token)>> StartAsync(Guid leadId, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken);
        if (lead is null)
        {
            return Error.NotFound("Lead", leadId);
        }

        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.LeadId == leadId, cancellationToken);
        if (assessment is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            assessment = new LeadAssessment
            {
                Id = Guid.CreateVersion7(),
                LeadId = lead.Id,
                ClientOrganizationId = lead.ClientOrganizationId,
                QuestionnaireVersion = catalog.Current.Version,
                Status = AssessmentStatus.InProgress,
                StartedAt = now,
                UpdatedAt = now,
            };
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (assessment, links.TokenFor(assessment.Id));
    }

    /// <summary>The assessment a resume link points to.</summary>
    public async Task<Result<LeadAssessment>> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        var id = links.Read(token);
        var assessment = id is null ? null : await db.Assessments.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assessment is null
            ? new Error("invalid_link", "Invalid link", "This assessment link is not valid or has expired; ask for a new one.", StatusCodes.Status404NotFound)
            : assessment;
    }

    /// <summary>The name of the specialist the lead was routed to, once routing has run.</summary>
    public Task<string?> SpecialistOfLeadAsync(Guid leadId, CancellationToken cancellationToken) =>
        db.Leads.IgnoreQueryFilters().Where(l => l.Id == leadId).Select(l => l.SpecialistName).FirstOrDefaultAsync(cancellationToken);

    public Questionnaire QuestionnaireOf(LeadAssessment assessment) =>
        catalog.Get(assessment.QuestionnaireVersion)
        ?? throw new InvalidOperationException($"Questionnaire version {assessment.QuestionnaireVersion} is no longer installed.");

    public static Dictionary<string, List<string>> AnswersOf(LeadAssessment assessment) =>
        JsonSerializer.Deserialize<Dictionary<string, List<string>>>(assessment.AnswersJson, Json) ?? [];

    public static AssessmentOutcome? OutcomeOf(LeadAssessment assessment) =>
        assessment.OutcomeJson is null ? null : JsonSerializer.Deserialize<AssessmentOutcome>(assessment.OutcomeJson, Json);

    /// <summary>Merges answers into the saved ones (an empty list clears an answer); bad answers change nothing.</summary>
    public async Task<Result<LeadAssessment>> AnswerAsync(LeadAssessment assessment, IReadOnlyDictionary<string, List<string>> answers, CancellationToken cancellationToken)
    {
        if (assessment.Status == AssessmentStatus.Completed)
        {
            return Error.Conflict("This assessment is already completed; its answers can no longer change.");
        }

        var questionnaire = QuestionnaireOf(assessment);
        var given = answers.Where(a => a.Value is { Count: > 0 }).ToDictionary(a => a.Key, a => a.Value);
        if (AssessmentScorer.CheckAnswers(questionnaire, given) is { Count: > 0 } errors)
        {
            return Error.Validation(errors);
        }

        var saved = AnswersOf(assessment);
        foreach (var (question, options) in answers)
        {
            if (options is { Count: > 0 })
            {
                saved[question] = options;
            }
            else
            {
                saved.Remove(question);
            }
        }

        assessment.AnswersJson = JsonSerializer.Serialize(saved, Json);
        assessment.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    /// <summary>Scores the answers, stores the outcome on the assessment and the lead, and publishes <see cref="AssessmentCompleted"/>.</summary>
    public async Task<Result<LeadAssessment>> CompleteAsync(LeadAssessment assessment, CancellationToken cancellationToken)
    {
        if (assessment.Status == AssessmentStatus.Completed)
        {
            return assessment;
        }

        var questionnaire = QuestionnaireOf(assessment);
        var answers = AnswersOf(assessment);
        if (AssessmentScorer.Missing(questionnaire, answers) is { Count: > 0 } missing)
        {
            return Error.Validation(missing.ToDictionary(m => $"answers.{m}", m => new[] { $"'{m}' needs an answer before the assessment can be completed." }));
        }

        var outcome = AssessmentScorer.Score(questionnaire, answers);
        var now = time.GetUtcNow().UtcDateTime;
        assessment.Status = AssessmentStatus.Completed;
        assessment.CompletedAt = now;
        assessment.UpdatedAt = now;
        assessment.Total = outcome.Total;
        assessment.Tier = outcome.Tier;
        assessment.RecommendedUnit = outcome.RecommendedUnit;
        assessment.RunnerUpUnit = outcome.RunnerUpUnit;
        assessment.MeetingType = outcome.MeetingType;
        assessment.OutcomeJson = JsonSerializer.Serialize(outcome, Json);

        var lead = await db.Leads.IgnoreQueryFilters().FirstAsync(l => l.Id == assessment.LeadId, cancellationToken);
        lead.Score = outcome.Total;
        lead.Tier = outcome.Tier;
        lead.UnitCode = outcome.RecommendedUnit;
        lead.MeetingType = outcome.MeetingType;
        lead.SkillTags = string.Join(',', outcome.Tags);
        if (lead.Status == LeadStatus.New)
        {
            lead.Status = LeadStatus.Assessed;
        }

        db.Publish(new AssessmentCompleted(lead.Id, lead.ClientOrganizationId, assessment.Id, assessment.QuestionnaireVersion, outcome.Total, outcome.Tier,
            outcome.RecommendedUnit, outcome.RunnerUpUnit, outcome.MeetingType, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    /// <summary>Staff override of the unit and/or meeting type, with a reason; audited with before and after.</summary>
    public async Task<Result<LeadAssessment>> OverrideAsync(Guid leadId, OverrideAssessmentRequest request, string staff, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.LeadId == leadId, cancellationToken);
        if (assessment is null || assessment.Status != AssessmentStatus.Completed)
        {
            return assessment is null ? Error.NotFound("Assessment of lead", leadId) : Error.Conflict("The assessment is not completed yet; there is nothing to override.");
        }

        var questionnaire = QuestionnaireOf(assessment);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["reason is required for an override."];
        }

        if (request.Unit is null && request.MeetingType is null)
        {
            errors["unit"] = ["give unit, meetingType or both."];
        }

        if (request.Unit is not null && !questionnaire.Units.Contains(request.Unit, StringComparer.Ordinal))
        {
            errors["unit"] = [$"unit must be one of {string.Join(", ", questionnaire.Units)}."];
        }

        if (request.MeetingType is not null && !MeetingTypes.Names.ContainsKey(request.MeetingType))
        {
            errors["meetingType"] = [$"meetingType must be one of {string.Join(", ", MeetingTypes.Names.Keys)}."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var before = new { unit = assessment.EffectiveUnit, meetingType = assessment.EffectiveMeetingType };
        assessment.UnitOverride = request.Unit ?? assessment.UnitOverride;
        assessment.MeetingTypeOverride = request.MeetingType ?? assessment.MeetingTypeOverride;
        assessment.OverrideReason = request.Reason!.Trim();
        assessment.OverriddenBy = staff;
        assessment.OverriddenAt = time.GetUtcNow().UtcDateTime;
        var lead = await db.Leads.FirstAsync(l => l.Id == leadId, cancellationToken);
        lead.UnitCode = assessment.EffectiveUnit;
        lead.MeetingType = assessment.EffectiveMeetingType;
        audit.Stage(db, new AuditRecord("intake.assessment.overridden", "lead", leadId.ToString(), before,
            new { unit = assessment.EffectiveUnit, meetingType = assessment.EffectiveMeetingType, reason = assessment.OverrideReason }, lead.ClientOrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }
}
