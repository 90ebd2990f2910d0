namespace Nqba.Server.Modules.Support.Import;

/// <summary>
/// The tickets read from an import body, and the rows that could not be read (not JSON, not an object), named as
/// validation names them: the import reports both together, so one answer lists every bad row.
/// </summary>
internal sealed record ImportFile(IReadOnlyList<ImportRow> Rows, IReadOnlyDictionary<string, string[]> Unreadable);
