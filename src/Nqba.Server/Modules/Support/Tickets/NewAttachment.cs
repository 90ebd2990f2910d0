namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A file arriving with a message (decoded).</summary>
internal sealed record NewAttachment(string FileName, string ContentType, byte[] Content);
