using System.Globalization;
using System.Text.RegularExpressions;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Import;

/// <summary>
/// A valid imported ticket: its row checked field by field (every problem named, none written), its messages in time
/// order, and the state it ends in.
/// </summary>
internal sealed partial class TicketPlan
{
    private const int MaxExternalId = 200;

    private TicketPlan(ImportRow row, string source, string externalId)
    {
        Row = row;
        Source = source;
        ExternalId = externalId;
    }

    public ImportRow Row { get; }

    public string Source { get; }

    public string ExternalId { get; }

    public DateTime CreatedAt { get; private set; }

    public List<PlannedMessage> Messages { get; } = [];

    private ImportedTicket Data => Row.Ticket;

    private TicketStatus State { get; set; }

    private TicketChannel Channel { get; set; }

    private TicketPriority Priority { get; set; }

    private string RequesterName { get; set; } = string.Empty;

    private DateTime? SolvedAt { get; set; }

    private DateTime? ClosedAt { get; set; }

    /// <summary>The row as a plan, or null with its problems added to <paramref name="errors"/>.</summary>
    public static TicketPlan? Parse(ImportRow row, DateTime now, Dictionary<string, string[]> errors)
    {
        var count = errors.Count;
        var t = row.Ticket;
        void Fail(string path, string message) => errors[row.Field(path)] = [message];

        var externalId = t.ExternalId?.Trim() ?? string.Empty;
        if (externalId.Length is 0 or > MaxExternalId)
        {
            Fail("externalId", $"externalId is required and at most {MaxExternalId} characters.");
        }

        var source = string.IsNullOrWhiteSpace(t.Source) ? "import" : t.Source.Trim().ToLowerInvariant();
        if (!SourcePattern().IsMatch(source))
        {
            Fail("source", "source is at most 40 letters, digits, '.', '_' or '-'.");
        }

        var plan = new TicketPlan(row, source, externalId);
        var subject = t.Subject ?? t.Title;
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > TicketDesk.MaxSubject)
        {
            Fail("subject", $"subject (or title) is required and at most {TicketDesk.MaxSubject} characters.");
        }

        plan.Channel = Named<TicketChannel>(t.Channel, TicketChannel.Email, "channel", Fail);
        plan.Priority = Named<TicketPriority>(t.Priority, TicketPriority.Normal, "priority", Fail);
        plan.State = t.State?.Trim().ToLowerInvariant() switch
        {
            "open" or "new" or null => TicketStatus.Open,
            "pending" => TicketStatus.PendingOnClient,
            "solved" => TicketStatus.Solved,
            "closed" => TicketStatus.Closed,
            _ => Invalid("state", "state is open, pending, solved or closed.", Fail, TicketStatus.Open),
        };

        plan.RequesterName = (string.IsNullOrWhiteSpace(t.Customer?.Name) ? t.Customer?.Email : t.Customer.Name)?.Trim() ?? string.Empty;
        if (plan.RequesterName.Length == 0)
        {
            Fail("customer", "customer needs a name or an email.");
        }
        else if (plan.RequesterName.Length > 300 || t.Customer?.Email?.Length > 320)
        {
            Fail("customer", "customer name and email are at most 300 and 320 characters.");
        }

        plan.CreatedAt = Time(t.CreatedAt, "createdAt", true, now, Fail) ?? default;
        plan.SolvedAt = Time(t.SolvedAt, "solvedAt", plan.State == TicketStatus.Solved, now, Fail);
        plan.ClosedAt = Time(t.ClosedAt, "closedAt", plan.State == TicketStatus.Closed, now, Fail);
        if (plan.SolvedAt < plan.CreatedAt)
        {
            Fail("solvedAt", "solvedAt is before createdAt.");
        }

        if (plan.ClosedAt < (plan.SolvedAt ?? plan.CreatedAt))
        {
            Fail("closedAt", "closedAt is before createdAt or solvedAt.");
        }

        plan.ParseMessages(now, Fail);
        return errors.Count == count ? plan : null;
    }

    /// <summary>The request that opens the ticket, with its first (earliest) message.</summary>
    public OpenTicket Open(NewMessage first) => new(
        Data.Subject ?? Data.Title ?? string.Empty,
        RequesterName,
        string.IsNullOrWhiteSpace(Data.Customer?.Email) ? null : Data.Customer.Email,
        Data.OrganizationId,
        first,
        Priority,
        Language: Data.Language,
        TeamCode: Data.Team,
        At: CreatedAt);

    /// <summary>
    /// Records the status changes that bring the ticket to the imported state, at the times the history gives: open on
    /// the first agent answer, pending since the last message, solved and closed at their times. A ticket only moves
    /// on; a closed one stays closed. True when anything changed.
    /// </summary>
    public bool MoveTo(Ticket ticket, TicketDesk desk)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(desk);
        if (ticket.Status == TicketStatus.Closed)
        {
            return false;
        }

        var before = (ticket.Status, ticket.UpdatedAt);
        var by = Source;
        var last = Messages[^1].Message.At!.Value;
        if (ticket.Status == TicketStatus.New && ticket.FirstRespondedAt is { } answered)
        {
            desk.RecordHistoryStatus(ticket, TicketStatus.Open, by, answered);
        }

        switch (State)
        {
            case TicketStatus.Open when ticket.Status == TicketStatus.Solved:
                desk.RecordHistoryStatus(ticket, TicketStatus.Reopened, by, Max(last, ticket.SolvedAt ?? last));
                break;
            case TicketStatus.Open when ticket.Status == TicketStatus.PendingOnClient:
                desk.RecordHistoryStatus(ticket, TicketStatus.Open, by, last);
                break;
            case TicketStatus.PendingOnClient when ticket.Status != TicketStatus.PendingOnClient:
                desk.RecordHistoryStatus(ticket, TicketStatus.PendingOnClient, by, last);
                break;
            case TicketStatus.Solved when ticket.Status != TicketStatus.Solved:
                desk.RecordHistoryStatus(ticket, TicketStatus.Solved, by, SolvedAt!.Value);
                break;
            case TicketStatus.Closed:
                if (SolvedAt is { } solved && ticket.Status != TicketStatus.Solved)
                {
                    desk.RecordHistoryStatus(ticket, TicketStatus.Solved, by, solved);
                }

                desk.RecordHistoryStatus(ticket, TicketStatus.Closed, by, ClosedAt!.Value);
                break;
            default:
                break;
        }

        // The ticket was last touched by the latest thing that happened to it, not by the import.
        ticket.UpdatedAt = new[] { before.UpdatedAt, last, SolvedAt ?? default, ClosedAt ?? default }.Max();
        return ticket.Status != before.Status;
    }

    private void ParseMessages(DateTime now, Action<string, string> fail)
    {
        var messages = Data.Messages ?? [];
        if (messages.Count == 0)
        {
            fail("messages", "A ticket needs at least one message.");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var parsed = new List<(DateTime At, int Index, PlannedMessage Message)>();
        for (var i = 0; i < messages.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"messages[{i}]");
            void Fail(string field, string message) => fail($"{path}.{field}", message);
            if (messages[i] is not { } m)
            {
                fail(path, "A message must be an object.");
                continue;
            }

            var id = m.ExternalId?.Trim() ?? string.Empty;
            if (id.Length is 0 or > MaxExternalId)
            {
                Fail("externalId", $"externalId is required and at most {MaxExternalId} characters.");
            }
            else if (!ids.Add(id))
            {
                Fail("externalId", $"'{id}' is also an earlier message's externalId.");
            }

            var author = m.Author?.Trim().ToLowerInvariant() switch
            {
                "customer" => MessageAuthor.Client,
                "agent" => MessageAuthor.Agent,
                "bot" => MessageAuthor.System,
                _ => Invalid("author", "author is customer, agent or bot.", Fail, MessageAuthor.System),
            };
            var channel = Named<TicketChannel>(m.Channel, Channel, "channel", Fail);
            if (string.IsNullOrWhiteSpace(m.Body) && string.IsNullOrWhiteSpace(m.BodyHtml))
            {
                Fail("body", "body (or bodyHtml) is required.");
            }
            else if ((m.Body?.Length ?? 0) > TicketDesk.MaxBody || (m.BodyHtml?.Length ?? 0) > 2 * TicketDesk.MaxBody)
            {
                Fail("body", $"body is at most {TicketDesk.MaxBody} characters.");
            }

            var at = Time(m.CreatedAt, "createdAt", true, now, Fail);
            if (at < CreatedAt)
            {
                Fail("createdAt", "A message cannot be older than its ticket (createdAt).");
            }

            var name = m.AuthorName?.Trim() is { Length: > 0 } given ? given
                : author switch { MessageAuthor.Client => RequesterName, MessageAuthor.Agent => "Agent", _ => "Bot" };
            if (name.Length > 300)
            {
                Fail("authorName", "authorName is at most 300 characters.");
            }

            parsed.Add((at ?? default, i, new PlannedMessage(path, new NewMessage(channel, author, name, m.Body, m.BodyHtml, Internal: m.Internal, At: at, ExternalId: id))));
        }

        Messages.AddRange(parsed.OrderBy(p => p.At).ThenBy(p => p.Index).Select(p => p.Message));
    }

    private static T Named<T>(string? value, T fallback, string field, Action<string, string> fail)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (System.Enum.TryParse<T>(value.Trim(), true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }

        fail(field, $"{field} is one of {string.Join(", ", System.Enum.GetNames<T>())}.");
        return fallback;
    }

    private static T Invalid<T>(string field, string message, Action<string, string> fail, T fallback)
    {
        fail(field, message);
        return fallback;
    }

    /// <summary>An ISO 8601 instant; without an offset it is read as UTC. Never in the future.</summary>
    private static DateTime? Time(string? value, string field, bool required, DateTime now, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                fail(field, $"{field} is required (ISO 8601, e.g. 2026-03-05T14:30:00Z).");
            }

            return null;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            fail(field, $"{field} is not an ISO 8601 date and time (e.g. 2026-03-05T14:30:00Z).");
            return null;
        }

        if (parsed.UtcDateTime > now)
        {
            fail(field, $"{field} is in the future; an import brings history.");
            return null;
        }

        return parsed.UtcDateTime;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    [GeneratedRegex("^[a-z0-9._-]{1,40}$")]
    private static partial Regex SourcePattern();
}
