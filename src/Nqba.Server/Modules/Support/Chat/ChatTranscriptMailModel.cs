namespace Nqba.Server.Modules.Support.Chat;

/// <summary>A chat's transcript, mailed to the visitor.</summary>
public sealed record ChatTranscriptMailModel(string Transcript);
