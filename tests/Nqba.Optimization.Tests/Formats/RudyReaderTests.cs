using Nqba.Optimization.Formats;

namespace Nqba.Optimization.Tests.Formats;

public sealed class RudyReaderTests
{
    [Fact]
    public void Read_ValidFile_ReturnsZeroBasedGraph()
    {
        var graph = RudyReader.Read(new StringReader("3 2\n1 2 1\n\n2 3 -1\n"));

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(2, graph.Edges.Count);
        Assert.Equal(1, graph.Edges[1].U);
        Assert.Equal(2, graph.Edges[1].V);
        Assert.Equal(0.0, graph.TotalWeight);
    }

    [Theory]
    [InlineData("3 2\n1 2 1\n2 3\n", 3, "expected 3 fields 'i j w', got 2")]
    [InlineData("3\n1 2 1\n", 1, "expected 2 fields 'n m'")]
    [InlineData("3 1\n1 4 1\n", 2, "node j = 4 is outside 1..3")]
    [InlineData("3 1\n0 2 1\n", 2, "node i = 0 is outside 1..3")]
    [InlineData("3 1\n1 2 x\n", 2, "weight w 'x' is not a finite number")]
    [InlineData("3 1\na 2 1\n", 2, "node i 'a' is not an integer")]
    [InlineData("3 2\n1 2 1\n", 3, "the file ends after 1 edges, but the first line declares 2")]
    [InlineData("3 1\n1 2 1\n2 3 1\n", 3, "more edges than the 1 declared")]
    [InlineData("", 1, "the file is empty")]
    public void Read_MalformedFile_ThrowsWithLineAndReason(string text, int line, string reason)
    {
        var error = Assert.Throws<ModelFormatException>(() => RudyReader.Read(new StringReader(text)));

        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
