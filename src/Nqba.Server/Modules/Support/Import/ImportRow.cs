using System.Globalization;

namespace Nqba.Server.Modules.Support.Import;

/// <summary>
/// A ticket of the file and how errors name it: <c>tickets[3]</c> (0-based) in a JSON array, <c>line 4</c> (1-based)
/// in NDJSON. A field is <c>tickets[3].messages[1].createdAt</c> or <c>line 4: messages[1].createdAt</c>.
/// </summary>
internal sealed record ImportRow(int Index, int? Line, ImportedTicket Ticket)
{
    public string Name => Line is { } line
        ? string.Create(CultureInfo.InvariantCulture, $"line {line}")
        : string.Create(CultureInfo.InvariantCulture, $"tickets[{Index}]");

    public string Field(string path) => path.Length == 0 ? Name : Line is null ? $"{Name}.{path}" : $"{Name}: {path}";
}
