using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>
/// Reads and checks questionnaire files. Every problem is reported with the file, the question and what is wrong, so
/// a bad file stops the start-up with a message an operator can act on.
/// </summary>
internal static class QuestionnaireLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Loads every <c>sigmaeq.v*.json</c> in <paramref name="directory"/>; the highest version is current.</summary>
    public static (QuestionnaireCatalog? Catalog, List<string> Problems) LoadDirectory(string directory)
    {
        var problems = new List<string>();
        if (!Directory.Exists(directory))
        {
            return (null, [$"{directory}: questionnaire folder does not exist (setting Intake:QuestionnaireDirectory)."]);
        }

        var versions = new List<Questionnaire>();
        foreach (var file in Directory.GetFiles(directory, "sigmaeq.v*.json").Order(StringComparer.Ordinal))
        {
            var (questionnaire, fileProblems) = LoadFile(file);
            problems.AddRange(fileProblems);
            if (questionnaire is not null)
            {
                if (versions.Any(v => v.Version == questionnaire.Version))
                {
                    problems.Add($"{Path.GetFileName(file)}: version {questionnaire.Version} is defined by another file too.");
                }

                versions.Add(questionnaire);
            }
        }

        if (versions.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{directory}: no questionnaire file (sigmaeq.v*.json) found.");
        }

        return problems.Count > 0 ? (null, problems) : (new QuestionnaireCatalog(versions), problems);
    }

    public static (Questionnaire? Questionnaire, List<string> Problems) LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        Questionnaire? q;
        try
        {
            q = JsonSerializer.Deserialize<Questionnaire>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            return (null, [$"{name}: not a valid questionnaire file at line {(ex.LineNumber ?? 0) + 1}: {ex.Message}"]);
        }
        catch (IOException ex)
        {
            return (null, [$"{name}: cannot be read: {ex.Message}"]);
        }

        if (q is null)
        {
            return (null, [$"{name}: the file is empty."]);
        }

        var problems = Validate(q).Select(p => $"{name}: {p}").ToList();
        return (problems.Count == 0 ? q : null, problems);
    }

    public static List<string> Validate(Questionnaire q)
    {
        var problems = new List<string>();
        if (q.Version < 1)
        {
            problems.Add("version must be 1 or more.");
        }

        if (!(q.Tiers.Lukewarm > 0 && q.Tiers.Lukewarm < q.Tiers.Warm && q.Tiers.Warm < q.Tiers.Hot && q.Tiers.Hot <= 100))
        {
            problems.Add($"tiers must satisfy 0 < lukewarm < warm < hot <= 100 (got {q.Tiers.Lukewarm}, {q.Tiers.Warm}, {q.Tiers.Hot}).");
        }

        if (q.Units.Count < 2)
        {
            problems.Add("units must list at least two business-unit codes.");
        }

        if (q.Dimensions.Count == 0)
        {
            problems.Add("dimensions must not be empty.");
        }

        foreach (var d in q.Dimensions.Where(d => d.Weight <= 0 || string.IsNullOrWhiteSpace(d.Code)))
        {
            problems.Add($"dimension '{d.Code}': needs a code and a weight above 0.");
        }

        foreach (var section in q.Sections)
        {
            if (BadTranslations(section.Texts) is { } badSectionText)
            {
                problems.Add($"section '{section.Id}': {badSectionText}");
            }
        }

        var dimensions = q.Dimensions.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in q.AllQuestions)
        {
            var where = $"question '{question.Id}'";
            if (string.IsNullOrWhiteSpace(question.Id) || string.IsNullOrWhiteSpace(question.Text))
            {
                problems.Add($"{where}: needs an id and a text.");
            }

            if (seen.ContainsKey(question.Id))
            {
                problems.Add($"{where}: the id is used twice.");
            }

            if (question.Dimension is not null && !dimensions.Contains(question.Dimension))
            {
                problems.Add($"{where}: dimension '{question.Dimension}' is not declared in dimensions.");
            }

            if (BadTranslations(question.Texts) is { } badQuestionText)
            {
                problems.Add($"{where}: {badQuestionText}");
            }

            if (question.Options.Count < 2)
            {
                problems.Add($"{where}: needs at least two options.");
            }

            if (question.Options.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count() != question.Options.Count)
            {
                problems.Add($"{where}: option ids must be unique.");
            }

            foreach (var option in question.Options)
            {
                if (BadTranslations(option.Texts) is { } badOptionText)
                {
                    problems.Add($"{where}: option '{option.Id}': {badOptionText}");
                }

                if (option.Score < 0 || !double.IsFinite(option.Score))
                {
                    problems.Add($"{where}: option '{option.Id}' has a negative score ({option.Score}).");
                }

                foreach (var (unit, weight) in option.Units)
                {
                    if (!q.Units.Contains(unit, StringComparer.Ordinal))
                    {
                        problems.Add($"{where}: option '{option.Id}' names unit '{unit}', which is not in units.");
                    }

                    if (weight < 0 || !double.IsFinite(weight))
                    {
                        problems.Add($"{where}: option '{option.Id}' has a negative weight for unit '{unit}'.");
                    }
                }
            }

            if (question.Dimension is not null && question.Options.All(o => o.Score == 0))
            {
                problems.Add($"{where}: counts towards '{question.Dimension}' but every option scores 0.");
            }

            if (question.ShowIf is { } rule)
            {
                if (!seen.TryGetValue(rule.Question, out var earlier))
                {
                    problems.Add($"{where}: showIf refers to '{rule.Question}', which is not an earlier question.");
                }
                else if (rule.AnyOf.Count == 0 || rule.AnyOf.Any(o => earlier.Options.All(x => x.Id != o)))
                {
                    problems.Add($"{where}: showIf.anyOf must list options of '{rule.Question}' ({string.Join(", ", earlier.Options.Select(o => o.Id))}).");
                }
            }

            seen.TryAdd(question.Id, question);
        }

        if (q.Meetings.Count == 0 || !q.Meetings[^1].IsUnconditional)
        {
            problems.Add("meetings: the last rule must have no conditions (the default meeting type).");
        }

        foreach (var rule in q.Meetings)
        {
            if (!MeetingTypes.Names.ContainsKey(rule.Type))
            {
                problems.Add($"meeting rule '{rule.Type}': type must be one of {string.Join(", ", MeetingTypes.Names.Keys)}.");
            }

            foreach (var (questionId, options) in rule.Answers ?? [])
            {
                if (!seen.TryGetValue(questionId, out var question))
                {
                    problems.Add($"meeting rule '{rule.Type}': question '{questionId}' does not exist.");
                }
                else if (options.Any(o => question.Options.All(x => x.Id != o)))
                {
                    problems.Add($"meeting rule '{rule.Type}': question '{questionId}' has no option among {string.Join(", ", options)}.");
                }
            }
        }

        return problems;
    }

    private static string? BadTranslations(Dictionary<string, string> texts) =>
        texts.FirstOrDefault(t => t.Key is not ("de" or "ja") || string.IsNullOrWhiteSpace(t.Value)) is { Key: not null } bad
            ? $"texts has '{bad.Key}'; only non-empty de and ja translations are allowed."
            : null;
}
