using System.Text.Json;
using Nqba.Optimization.Formats;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Tests.Formats;

public sealed class QuboDocumentTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Deserialize_ValidJson_ValidatesAndBuildsModel()
    {
        const string Json = """
            {"variables":2,"linear":[{"i":0,"weight":-1}],"quadratic":[{"i":0,"j":1,"weight":3}],"offset":0.5,"sense":"minimize"}
            """;

        var document = JsonSerializer.Deserialize<QuboDocument>(Json, Web)!;

        Assert.Empty(document.Validate());
        Assert.Equal(-0.5, document.ToModel().Evaluate([1, 0]), 12);
    }

    [Fact]
    public void Validate_BadFields_NamesEachField()
    {
        const string Json = """
            {"variables":2,"linear":[{"i":5,"weight":1}],"quadratic":[{"i":0,"j":1,"weight":1},{"i":1,"j":-1,"weight":2}],"sense":"best"}
            """;
        var document = JsonSerializer.Deserialize<QuboDocument>(Json, Web)!;

        var errors = document.Validate();

        Assert.Equal(["linear[0].i", "quadratic[1].j", "sense"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("outside [0, 2)", errors["quadratic[1].j"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingVariablesAndNullLists_ReportsThem()
    {
        var document = JsonSerializer.Deserialize<QuboDocument>("""{"linear":null,"quadratic":null}""", Web)!;

        var errors = document.Validate();

        Assert.Contains("variables", errors.Keys);
        Assert.Contains("linear", errors.Keys);
        Assert.Contains("quadratic", errors.Keys);
    }

    [Fact]
    public void ToModel_InvalidDocument_ThrowsNamingField()
    {
        var document = new QuboDocument { Variables = 1, Quadratic = [new QuboQuadraticTerm(0, 4, 1)] };

        var error = Assert.Throws<InvalidOperationException>(document.ToModel);

        Assert.Contains("quadratic[0].j", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_MaximizeDocument_ReportsObjectiveInDocumentSense()
    {
        // maximize 3 x0 + 2 x1 − 4 x0 x1: best is x0 = 1, x1 = 0 with 3.
        var document = new QuboDocument
        {
            Variables = 2,
            Linear = [new QuboLinearTerm(0, 3), new QuboLinearTerm(1, 2)],
            Quadratic = [new QuboQuadraticTerm(0, 1, -4)],
            Sense = "maximize",
        };

        var result = document.Solve(SolverFactory.Create("auto"), new SolverOptions { Seed = 1, Target = 3 });

        Assert.Equal(3.0, result.Objective);
        Assert.True(result.ReachedTarget);
        Assert.Equal([1, 0], result.Solution);
    }

    [Fact]
    public void Write_Solution_OneValuePerLine()
    {
        var writer = new StringWriter();

        SolutionFormat.Write(writer, [1, 0, 1]);

        Assert.Equal("1\n0\n1\n", writer.ToString());
    }
}
