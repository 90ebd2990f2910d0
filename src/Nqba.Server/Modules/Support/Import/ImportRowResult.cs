namespace Nqba.Server.Modules.Support.Import;

/// <summary>One row's outcome: <paramref name="Row"/> names it as errors do (<c>tickets[3]</c> or <c>line 4</c>).</summary>
public sealed record ImportRowResult(string Row, string Source, string ExternalId, ImportOutcome Outcome, Guid TicketId, long Number, int MessagesAdded);
