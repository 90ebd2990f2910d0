using Nqba.Server.Modules.Intake.Assessment;

namespace Nqba.Server.Tests.Intake;

public sealed class AssessmentScorerTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Modules", "Intake", "Assessment");

    private static Questionnaire V1()
    {
        var (questionnaire, problems) = QuestionnaireLoader.LoadFile(Path.Combine(Folder, "sigmaeq.v1.json"));
        Assert.Empty(problems);
        return questionnaire!;
    }

    private static Dictionary<string, List<string>> Answers(params (string Question, string[] Options)[] answers) =>
        answers.ToDictionary(a => a.Question, a => a.Options.ToList());

    // Worked example A: an engineering-led company ready to automate now.
    private static readonly (string, string[])[] HotAutomation =
    [
        ("goal", ["automate"]), ("automation_area", ["support", "analytics"]), ("also_interested", ["leads"]),
        ("data", ["warehouse"]), ("tooling", ["custom"]), ("team", ["engineering"]), ("demo", ["yes"]),
        ("budget", ["over_250k"]), ("timeline", ["now"]), ("authority", ["final"]),
        ("size", ["over_500"]), ("industry", ["technology"]), ("region", ["europe"]),
    ];

    // Worked example B: a mid-size asset manager, early on; lands exactly on the Lukewarm edge.
    private static readonly (string, string[])[] LukewarmPortfolio =
    [
        ("goal", ["portfolio"]), ("assets", ["10m_500m"]),
        ("data", ["several_systems"]), ("tooling", ["crm"]), ("team", ["part_time"]),
        ("budget", ["10k_50k"]), ("timeline", ["12_months"]), ("authority", ["recommend"]),
        ("size", ["51_500"]), ("industry", ["finance"]), ("region", ["europe"]),
    ];

    [Fact]
    public void Score_OverEveryCombinationOfUnitAnswers_EveryUnitCanBeRecommended()
    {
        var questionnaire = V1();
        var unitQuestions = new[] { "goal", "automation_area", "sales_limit", "assets", "also_interested", "industry" };
        var choices = unitQuestions.Select(id => questionnaire.Sections.SelectMany(s => s.Questions).Single(q => q.Id == id))
            .Select(q => q.Options.Select(o => (q.Id, Option: (string?)o.Id)).Concat(q.Required ? [] : [(q.Id, null)]).ToList())
            .ToList();
        var combinations = choices.Aggregate(
            new List<List<(string Id, string? Option)>> { new() },
            (sets, options) => [.. sets.SelectMany(set => options.Select(o => new List<(string Id, string? Option)>(set) { o }))]);
        var common = LukewarmPortfolio.Where(a => !unitQuestions.Contains(a.Item1)).ToList();

        var recommended = questionnaire.Units.ToDictionary(u => u, _ => 0, StringComparer.Ordinal);
        foreach (var combination in combinations)
        {
            var answers = Answers([.. common, .. combination.Where(c => c.Option is not null).Select(c => (c.Id, new[] { c.Option! }))]);
            recommended[AssessmentScorer.Score(questionnaire, answers).RecommendedUnit]++;
        }

        // A required question is always answered (the scorer ignores answers to questions it does not show). A
        // prospect unsure of their goal goes to NQBA Core, whose specialists know every unit.
        Assert.All(recommended, r => Assert.True(r.Value > 0, $"{r.Key} is never recommended over {combinations.Count} combinations."));
        Assert.Equal("nqba-core", AssessmentScorer.Score(questionnaire, Answers([.. common, ("goal", ["unsure"]), ("automation_area", ["support"])])).RecommendedUnit);
    }

    [Fact]
    public void Score_HotAutomationExample_MatchesHandComputation()
    {
        var outcome = AssessmentScorer.Score(V1(), Answers(HotAutomation));

        // readiness (4+5+5)/15 = 93.3; budget, timeline, authority, fit 100; total (25·93.3 + 25·100 + 20·100 + 20·100 + 10·100)/100 = 98.3
        Assert.Equal(93, outcome.Dimensions.Single(d => d.Code == "readiness").Score);
        Assert.Equal(100, outcome.Dimensions.Single(d => d.Code == "fit").Score);
        Assert.Equal(98, outcome.Total);
        Assert.Equal(LeadTier.Hot, outcome.Tier);
        Assert.Equal("flyfox-ai", outcome.RecommendedUnit); // 3 + 1 + 1
        Assert.Equal("sigma-select", outcome.RunnerUpUnit); // 1
        Assert.Equal(5, outcome.UnitScores["flyfox-ai"]);
        Assert.Equal("strategic-90", outcome.MeetingType);
        Assert.Contains("Customer support", outcome.UnitExplanation, StringComparison.Ordinal);
        Assert.Contains("Readiness 93", outcome.TotalExplanation, StringComparison.Ordinal);
        Assert.Contains("automation", outcome.Tags);
    }

    [Fact]
    public void Score_PortfolioExample_IsLukewarmAtTheEdgeWithGoliathAndNoRunnerUp()
    {
        var outcome = AssessmentScorer.Score(V1(), Answers(LukewarmPortfolio));

        // readiness 6/15 = 40; budget, timeline, authority 2/5 = 40; fit (4+4+5+5)/20 = 90 (assets counts: shown for portfolio)
        Assert.Equal(90, outcome.Dimensions.Single(d => d.Code == "fit").Score);
        Assert.Equal(45, outcome.Total);
        Assert.Equal(LeadTier.Lukewarm, outcome.Tier);
        Assert.Equal("goliath-trade", outcome.RecommendedUnit);
        Assert.Null(outcome.RunnerUpUnit);
        Assert.Equal("discovery-30", outcome.MeetingType);
    }

    [Fact]
    public void VisibleQuestions_GoalPortfolio_ShowsAssetsAndHidesAutomationAndDemo()
    {
        var visible = AssessmentScorer.VisibleQuestions(V1(), Answers(LukewarmPortfolio)).Select(q => q.Id).ToList();

        Assert.Contains("assets", visible);
        Assert.DoesNotContain("automation_area", visible);
        Assert.DoesNotContain("sales_limit", visible);
        Assert.DoesNotContain("demo", visible);
    }

    [Fact]
    public void Score_AnswerToHiddenQuestion_IsIgnored()
    {
        var answers = Answers(LukewarmPortfolio);
        answers["automation_area"] = ["support", "back_office"];

        var outcome = AssessmentScorer.Score(V1(), answers);

        Assert.Equal(0, outcome.UnitScores["flyfox-ai"]);
        Assert.Equal(45, outcome.Total);
    }

    [Fact]
    public void Missing_BranchOpened_ListsTheNewQuestion()
    {
        var answers = Answers(LukewarmPortfolio);
        answers.Remove("assets");

        Assert.Equal(["assets"], AssessmentScorer.Missing(V1(), answers));
    }

    [Theory]
    [InlineData(44, LeadTier.Cold)]
    [InlineData(45, LeadTier.Lukewarm)]
    [InlineData(64, LeadTier.Lukewarm)]
    [InlineData(65, LeadTier.Warm)]
    [InlineData(84, LeadTier.Warm)]
    [InlineData(85, LeadTier.Hot)]
    [InlineData(100, LeadTier.Hot)]
    [InlineData(0, LeadTier.Cold)]
    public void TierOf_Edges_FollowConfiguredThresholds(int total, LeadTier expected) =>
        Assert.Equal(expected, V1().Tiers.TierOf(total));

    [Fact]
    public void TierOf_ConfiguredThresholds_AreHonoured() =>
        Assert.Equal(LeadTier.Hot, new TierThresholds { Hot = 80, Warm = 60, Lukewarm = 40 }.TierOf(80));

    [Fact]
    public void CheckAnswers_BadAnswers_NameTheQuestionAndProblem()
    {
        var errors = AssessmentScorer.CheckAnswers(V1(), Answers(("goal", ["automate", "leads"]), ("budget", ["a_lot"]), ("favourite_colour", ["blue"])));

        Assert.Contains("takes one option", errors["answers.goal"][0], StringComparison.Ordinal);
        Assert.Contains("'a_lot' is not an option of 'budget'", errors["answers.budget"][0], StringComparison.Ordinal);
        Assert.Contains("not a question", errors["answers.favourite_colour"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"score\": 5", "\"score\": -5", "question 'assets': option 'over_500m' has a negative score")]
    [InlineData("\"question\": \"team\"", "\"question\": \"budget\"", "question 'demo': showIf refers to 'budget', which is not an earlier question")]
    [InlineData("\"dimension\": \"timeline\"", "\"dimension\": \"timing\"", "question 'timeline': dimension 'timing' is not declared")]
    [InlineData("\"hot\": 85", "\"hot\": 40", "tiers must satisfy")]
    [InlineData("\"flyfox-ai\": 3", "\"flyfox\": 3", "question 'goal': option 'automate' names unit 'flyfox'")]
    [InlineData("\"de\": \"Ihre Ziele\"", "\"fr\": \"Vos objectifs\"", "texts has 'fr'")]
    [InlineData("\"version\": 1,", "\"version\": 1, \"versoin\": 2,", "not a valid questionnaire file at line")]
    public void LoadFile_BadFile_NamesFileQuestionAndProblem(string find, string replace, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("nqba-questionnaire-");
        var path = Path.Combine(directory.FullName, "sigmaeq.v1.json");
        var text = File.ReadAllText(Path.Combine(Folder, "sigmaeq.v1.json"));
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, find);
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length)));

        var (catalog, problems) = QuestionnaireLoader.LoadDirectory(directory.FullName);

        Assert.Null(catalog);
        var problem = Assert.Single(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith("sigmaeq.v1.json: ", problem, StringComparison.Ordinal);
        directory.Delete(recursive: true);
    }
}
