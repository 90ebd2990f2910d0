namespace Nqba.Server.Modules.Support.Tickets;

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, int Size);
