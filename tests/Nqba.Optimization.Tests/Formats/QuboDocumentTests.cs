using System.Text.Json;
using Nqba.Optimization.Formats;

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
}
