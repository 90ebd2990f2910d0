using Nqba.Optimization.Formats;
using Nqba.Optimization.Model;

namespace Nqba.Optimization.Tests.Formats;

public sealed class QuboFormatTests
{
    [Fact]
    public void Read_ValidFile_BuildsModelWithSense()
    {
        const string Text = """
            # three variables
            qubo 3 maximize
            offset 1.5
            0 0 -1   # linear
            0 1 2
            2 1 0.5
            """;

        var document = QuboFormat.Read(new StringReader(Text));
        var model = document.ToModel();

        Assert.Equal(ObjectiveSense.Maximize, document.ObjectiveSense);
        Assert.Equal(3, model.VariableCount);
        Assert.Equal(-(1.5 - 1 + 2), model.Evaluate([1, 1, 0]), 12);
    }

    [Fact]
    public void Write_ThenRead_PreservesObjective()
    {
        var model = RandomModelsForFormats();
        var document = QuboDocument.FromModel(model);
        var writer = new StringWriter();

        QuboFormat.Write(writer, document);
        var reread = QuboFormat.Read(new StringReader(writer.ToString())).ToModel();

        var random = new Random(3);
        for (var sample = 0; sample < 50; sample++)
        {
            var bits = RandomModels.Solution(model.VariableCount, random);
            Assert.Equal(model.Evaluate(bits), reread.Evaluate(bits), 9);
        }
    }

    [Theory]
    [InlineData("0 1 2\n", 1, "expected the header 'qubo <variables> [minimize|maximize]'")]
    [InlineData("qubo 3\n0 1\n", 2, "expected 3 fields 'i j w', got 2")]
    [InlineData("qubo 3\n0 3 1\n", 2, "index j = 3 is outside 0..2")]
    [InlineData("qubo 3\n0 1 abc\n", 2, "weight w 'abc' is not a finite number")]
    [InlineData("qubo 0\n", 1, "variable count must be between 1")]
    [InlineData("qubo 3 sideways\n", 1, "sense must be 'minimize' or 'maximize'")]
    [InlineData("# nothing\n", 2, "the file has no header")]
    [InlineData("qubo 2\n\n\noffset\n", 4, "expected 2 fields 'offset w', got 1")]
    public void Read_MalformedFile_ThrowsWithLineAndReason(string text, int line, string reason)
    {
        var error = Assert.Throws<ModelFormatException>(() => QuboFormat.Read(new StringReader(text)));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static BinaryQuadraticModel RandomModelsForFormats() => RandomModels.Create(10, 0.5, 9);
}
