using System.Globalization;

namespace Nqba.Optimization.Formats;

/// <summary>Splits text lines into whitespace-separated fields and parses numbers, reporting problems by line.</summary>
internal static class LineTokenizer
{
    public static int Split(string line, Span<Range> fields)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (count < fields.Length)
            {
                fields[count] = new Range(start, i);
            }

            count++;
        }

        return count;
    }

    public static int ParseIndex(string line, Range field, int lineNumber, string name)
    {
        var text = line.AsSpan(field);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new ModelFormatException(lineNumber, $"{name} '{text}' is not an integer");
        }

        return value;
    }

    public static double ParseWeight(string line, Range field, int lineNumber, string name)
    {
        var text = line.AsSpan(field);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new ModelFormatException(lineNumber, $"{name} '{text}' is not a finite number");
        }

        return value;
    }
}
