namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>An assessment as the API shows it: the questions shown for the answers so far, the answers, and the outcome once completed.</summary>
internal sealed record AssessmentDto(
    Guid Id,
    Guid LeadId,
    int QuestionnaireVersion,
    AssessmentStatus Status,
    Dictionary<string, List<string>> Answers,
    List<QuestionDto> Questions,
    List<string> Missing,
    AssessmentOutcome? Outcome,
    string? Unit,
    string? MeetingType,
    string? OverrideReason,
    string? OverriddenBy)
{
    public static AssessmentDto From(LeadAssessment a, Questionnaire q, string language = "en")
    {
        var answers = AssessmentService.AnswersOf(a);
        var sections = q.Sections.SelectMany(s => s.Questions.Select(x => (x.Id, Title: s.In(language)))).ToDictionary(x => x.Id, x => x.Title);
        return new AssessmentDto(a.Id, a.LeadId, a.QuestionnaireVersion, a.Status, answers,
            AssessmentScorer.VisibleQuestions(q, answers).ConvertAll(x => new QuestionDto(x.Id, sections[x.Id], x.In(language), x.Multiple, x.Required, x.Options.ConvertAll(o => new OptionDto(o.Id, o.In(language))))),
            AssessmentScorer.Missing(q, answers), AssessmentService.OutcomeOf(a), a.EffectiveUnit, a.EffectiveMeetingType, a.OverrideReason, a.OverriddenBy);
    }
}
