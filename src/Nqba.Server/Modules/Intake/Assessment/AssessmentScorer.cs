using System.Globalization;

namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>
/// The SigmaEQ scoring engine, pure: which questions are shown for the answers so far, whether answers are valid,
/// and the scores, tier, unit, meeting type and explanations of a complete set of answers.
/// </summary>
internal static class AssessmentScorer
{
    /// <summary>The questions shown for these answers, in order (a question is shown when its rule's question is shown and answered to match).</summary>
    public static List<Question> VisibleQuestions(Questionnaire q, IReadOnlyDictionary<string, List<string>> answers)
    {
        var visible = new List<Question>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in q.AllQuestions)
        {
            if (question.ShowIf is { } rule &&
                !(shown.Contains(rule.Question) && answers.TryGetValue(rule.Question, out var chosen) && chosen.Any(rule.AnyOf.Contains)))
            {
                continue;
            }

            shown.Add(question.Id);
            visible.Add(question);
        }

        return visible;
    }

    /// <summary>Field-named problems with the answers (unknown question or option, several options for a single-choice question).</summary>
    public static Dictionary<string, string[]> CheckAnswers(Questionnaire q, IReadOnlyDictionary<string, List<string>> answers)
    {
        var errors = new Dictionary<string, string[]>();
        var questions = q.AllQuestions.ToDictionary(x => x.Id, StringComparer.Ordinal);
        foreach (var (id, chosen) in answers)
        {
            var field = $"answers.{id}";
            if (!questions.TryGetValue(id, out var question))
            {
                errors[field] = [$"'{id}' is not a question of {q.Id} version {q.Version}."];
            }
            else if (chosen is null || chosen.Count == 0)
            {
                errors[field] = [$"choose at least one option for '{id}'."];
            }
            else if (chosen.FirstOrDefault(o => question.Options.All(x => x.Id != o)) is { } unknown)
            {
                errors[field] = [$"'{unknown}' is not an option of '{id}'; options are {string.Join(", ", question.Options.Select(o => o.Id))}."];
            }
            else if (!question.Multiple && chosen.Count > 1)
            {
                errors[field] = [$"'{id}' takes one option, got {chosen.Count}."];
            }
            else if (chosen.Distinct(StringComparer.Ordinal).Count() != chosen.Count)
            {
                errors[field] = [$"'{id}' lists an option twice."];
            }
        }

        return errors;
    }

    /// <summary>Shown, required questions without an answer.</summary>
    public static List<string> Missing(Questionnaire q, IReadOnlyDictionary<string, List<string>> answers) =>
        [.. VisibleQuestions(q, answers).Where(x => x.Required && !(answers.TryGetValue(x.Id, out var a) && a.Count > 0)).Select(x => x.Id)];

    /// <summary>Scores complete, valid answers; answers to questions not shown are ignored.</summary>
    public static AssessmentOutcome Score(Questionnaire q, IReadOnlyDictionary<string, List<string>> answers)
    {
        var visible = VisibleQuestions(q, answers);
        var chosen = visible
            .Where(x => answers.TryGetValue(x.Id, out var a) && a.Count > 0)
            .Select(x => (Question: x, Options: x.Options.Where(o => answers[x.Id].Contains(o.Id)).ToList()))
            .ToList();

        var dimensions = new List<DimensionScore>();
        double weighted = 0, weights = 0;
        foreach (var d in q.Dimensions)
        {
            var counted = visible.Where(x => x.Dimension == d.Code).ToList();
            if (counted.Count == 0)
            {
                continue;
            }

            var max = counted.Sum(x => x.Options.Max(o => o.Score));
            var got = chosen.Where(c => c.Question.Dimension == d.Code).Sum(c => c.Options.Max(o => o.Score));
            var exact = 100.0 * got / max;
            weighted += d.Weight * exact;
            weights += d.Weight;
            var because = chosen.Where(c => c.Question.Dimension == d.Code).SelectMany(c => c.Options.Select(o => o.Text)).ToList();
            dimensions.Add(new DimensionScore(d.Code, d.Name, Round(exact), d.Weight,
                $"{d.Name} {Round(exact)}/100 from your answers: {(because.Count > 0 ? string.Join("; ", because) : "none")}."));
        }

        var total = weights > 0 ? Round(weighted / weights) : 0;
        var tier = q.Tiers.TierOf(total);

        var unitScores = q.Units.ToDictionary(u => u, _ => 0.0, StringComparer.Ordinal);
        var unitReasons = q.Units.ToDictionary(u => u, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (_, options) in chosen)
        {
            foreach (var option in options)
            {
                foreach (var (code, weight) in option.Units.Where(u => u.Value > 0))
                {
                    unitScores[code] += weight;
                    unitReasons[code].Add(option.Text);
                }
            }
        }

        var ranked = q.Units.Select((u, i) => (Unit: u, Score: unitScores[u], Order: i)).OrderByDescending(x => x.Score).ThenBy(x => x.Order).ToList();
        var unit = ranked[0].Unit;
        string? runnerUp = ranked.Count > 1 && ranked[1].Score > 0 ? ranked[1].Unit : null;
        var unitExplanation = ranked[0].Score > 0
            ? $"{unit} fits best (affinity {Format(ranked[0].Score)}) because you chose: {string.Join("; ", unitReasons[unit])}."
            : $"No answer pointed to a unit, so {unit} (the first unit) takes the lead.";
        unitExplanation += runnerUp is null
            ? " No other unit matched your answers."
            : $" Runner-up: {runnerUp} (affinity {Format(ranked[1].Score)}) for: {string.Join("; ", unitReasons[runnerUp])}.";

        var meeting = q.Meetings.First(rule => Matches(rule, total, tier, answers, visible));
        var tags = chosen.SelectMany(c => c.Options.SelectMany(o => o.Tags)).Distinct(StringComparer.Ordinal).ToList();

        var totalExplanation = $"Total {total}/100, the weighted average of " +
            string.Join(", ", dimensions.Select(d => $"{d.Name} {d.Score} (weight {Format(d.Weight)})")) + ".";
        var t = q.Tiers;
        var tierExplanation = $"{total} is {tier}: Hot from {t.Hot}, Warm {t.Warm}–{t.Hot - 1}, Lukewarm {t.Lukewarm}–{t.Warm - 1}, Cold below {t.Lukewarm}.";
        var meetingExplanation = $"{MeetingTypes.NameOf(meeting.Type)}: {meeting.Explanation}";

        return new AssessmentOutcome(total, tier, dimensions, unit, runnerUp, unitScores, meeting.Type, tags,
            totalExplanation, tierExplanation, unitExplanation, meetingExplanation);
    }

    private static bool Matches(MeetingRule rule, int total, LeadTier tier, IReadOnlyDictionary<string, List<string>> answers, List<Question> visible) =>
        (rule.MinTotal is null || total >= rule.MinTotal) &&
        (rule.Tiers is null || rule.Tiers.Count == 0 || rule.Tiers.Contains(tier)) &&
        (rule.Answers ?? []).All(c => visible.Any(v => v.Id == c.Key) && answers.TryGetValue(c.Key, out var a) && a.Any(c.Value.Contains));

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
