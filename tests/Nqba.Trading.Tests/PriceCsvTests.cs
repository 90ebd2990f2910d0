using Nqba.Trading.Data;

namespace Nqba.Trading.Tests;

public sealed class PriceCsvTests
{
    private static TradingResult<PriceTable> Wide(string text) => PriceCsv.ReadWide(new StringReader(text));

    [Fact]
    public void ReadWide_EmptyCells_AreMissingPrices()
    {
        var table = Wide("date,A,B\n2020-01-02,10,\n2020-01-03,11,5\n").Value;

        Assert.Equal(["A", "B"], table.Tickers);
        Assert.Equal(new DateOnly(2020, 1, 3), table.Dates[1]);
        Assert.True(double.IsNaN(table[0, 1]));
        Assert.Equal(5, table[1, 1]);
    }

    [Fact]
    public void ReadWide_SampleData_HasAllRows()
    {
        Assert.Equal(7126, SampleData.Stocks.Rows);
        Assert.Equal(20, SampleData.Stocks.Tickers.Count);
    }

    [Theory]
    [InlineData("date,A,B\n2020-01-02,10,1\n2020-13-03,11,5\n", 3, "date", "csv.date")]
    [InlineData("date,A,B\n2020-01-02,10,1\n2020-01-03,-11,5\n", 3, "A", "csv.price")]
    [InlineData("date,A,B\n2020-01-02,10,0\n", 2, "B", "csv.price")]
    [InlineData("date,A,B\n2020-01-02,10,abc\n", 2, "B", "csv.price")]
    [InlineData("date,A,B\n2020-01-02,10,1\n2020-01-03,11,5\n2020-01-02,12,6\n", 4, "date", "csv.duplicate-date")]
    [InlineData("date,A,B\n2020-01-02,10,1\n2020-01-03,11\n", 3, null, "csv.columns")]
    public void ReadWide_BadInput_NamesLineAndColumn(string text, int line, string? column, string code)
    {
        var result = Wide(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(line, result.Error.Line);
        Assert.Equal(column, result.Error.Column);
        Assert.StartsWith($"line {line}", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOhlcv_WithAdjustedClose_UsesItWhenCombined()
    {
        const string text = "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-03,2,3,1,2.5,2.4,100\n2020-01-02,1,2,1,1.5,1.4,200\n";

        var series = PriceCsv.ReadOhlcv("X", new StringReader(text)).Value;
        var table = PriceCsv.Combine([series, new OhlcvSeries("Y", [new OhlcvBar(new DateOnly(2020, 1, 3), 1, 1, 1, 7, null, 0)])]);

        Assert.Equal(new DateOnly(2020, 1, 2), series.Bars[0].Date);
        Assert.Equal(1.4, table[0, 0]);
        Assert.True(double.IsNaN(table[0, 1]));
        Assert.Equal(7, table[1, 1]);
    }

    [Theory]
    [InlineData("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,1,1.5,200\n02/01/2020,1,2,1,1.5,200\n", 3, "Date", "csv.date")]
    [InlineData("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,1,-1.5,200\n", 2, "Close", "csv.price")]
    [InlineData("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,1,1.5,-5\n", 2, "Volume", "csv.volume")]
    [InlineData("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,1,1.5,200\n2020-01-02,1,2,1,1.5,200\n", 3, "Date", "csv.duplicate-date")]
    public void ReadOhlcv_BadInput_NamesLineAndColumn(string text, int line, string column, string code)
    {
        var result = PriceCsv.ReadOhlcv("X", new StringReader(text));

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(line, result.Error.Line);
        Assert.Equal(column, result.Error.Column);
    }

    [Fact]
    public void ReadOhlcv_MissingColumn_IsAnError()
    {
        var result = PriceCsv.ReadOhlcv("X", new StringReader("Date,Open,Close,Volume\n"));

        Assert.False(result.IsSuccess);
        Assert.Contains("High", result.Error.Message, StringComparison.Ordinal);
    }
}
