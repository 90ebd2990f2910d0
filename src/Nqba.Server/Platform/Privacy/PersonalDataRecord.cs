namespace Nqba.Server.Platform.Privacy;

/// <summary>One record a module holds about a data subject, as it appears in an access export.</summary>
/// <param name="Kind">What the record is (e.g. <c>lead</c>, <c>contact</c>, <c>user</c>).</param>
/// <param name="Id">The record's id.</param>
/// <param name="Data">The record's fields, decrypted; serialized to JSON in the export.</param>
public sealed record PersonalDataRecord(string Kind, string Id, object Data);
