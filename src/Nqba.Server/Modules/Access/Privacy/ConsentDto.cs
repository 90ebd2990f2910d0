namespace Nqba.Server.Modules.Access.Privacy;

public sealed record ConsentDto(string Purpose, bool Granted, string Source, DateTime RecordedAt, string? RecordedBy);
