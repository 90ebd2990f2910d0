namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>
/// The assessment page's steps: one per questionnaire section, with the questions shown for the answers so far, less
/// those the intake form already answered (region, industry). The page and its form endpoint count steps the same way.
/// </summary>
internal static class AssessmentSteps
{
    /// <summary>Questions the intake form answers; once answered they are not asked again.</summary>
    public static readonly string[] AnsweredByIntake = ["region", "industry"];

    public static List<List<QuestionDto>> Of(AssessmentDto assessment) =>
        [.. assessment.Questions
            .Where(q => !(AnsweredByIntake.Contains(q.Id) && assessment.Answers.TryGetValue(q.Id, out var a) && a.Count > 0))
            .GroupBy(q => q.Section)
            .Select(g => g.ToList())];

    /// <summary>The 1-based step that holds <paramref name="questionId"/>, or null.</summary>
    public static int? StepOf(List<List<QuestionDto>> steps, string questionId)
    {
        var index = steps.FindIndex(s => s.Any(q => q.Id == questionId));
        return index < 0 ? null : index + 1;
    }

    /// <summary>The intake form's answers to the assessment questions it shares: region (mapped) and industry (an option id).</summary>
    public static Dictionary<string, List<string>> FromIntake(Questionnaire questionnaire, IntakeOptions options, string? regionCode, string? industry)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var questions = questionnaire.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);
        if (regionCode is not null && options.AssessmentRegionAnswers.TryGetValue(regionCode, out var region)
            && questions.TryGetValue("region", out var r) && r.Options.Any(o => o.Id == region))
        {
            answers["region"] = [region];
        }

        if (industry is not null && questions.TryGetValue("industry", out var i) && i.Options.Any(o => o.Id == industry))
        {
            answers["industry"] = [industry];
        }

        return answers;
    }
}
