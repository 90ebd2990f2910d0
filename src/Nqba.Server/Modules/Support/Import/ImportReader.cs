using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Support.Import;

/// <summary>
/// Reads an import body: a JSON array of tickets (<c>application/json</c>) or one ticket per line
/// (<c>application/x-ndjson</c>), within the configured size limits (413 beyond them).
/// </summary>
internal sealed class ImportReader(IOptions<SupportOptions> options, IOptions<JsonOptions> json)
{
    public const string NdJson = "application/x-ndjson";

    public async Task<Result<ImportFile>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        var ndjson = request.ContentType?.StartsWith(NdJson, StringComparison.OrdinalIgnoreCase) == true;
        if (!ndjson && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return new Error("unsupported_media_type", "Unsupported media type", $"Send application/json (an array of tickets) or {NdJson} (one ticket per line).", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > o.ImportMaxBytes)
        {
            return TooLarge($"The body has {request.ContentLength} bytes; an import takes at most {o.ImportMaxBytes} (Support:ImportMaxBytes).");
        }

        // The server's own request limit would cut a larger configured import off first.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = o.ImportMaxBytes + 1L;
        }

        using var body = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > o.ImportMaxBytes)
            {
                return TooLarge($"The body is over {o.ImportMaxBytes} bytes, the most an import takes (Support:ImportMaxBytes).");
            }

            await body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        var rows = ndjson ? ReadLines(body.ToArray(), out var errors) : ReadArray(body.ToArray(), out errors);
        if (rows.Count + errors.Count > o.ImportMaxTickets)
        {
            return TooLarge($"The import holds {rows.Count + errors.Count} tickets; a batch takes at most {o.ImportMaxTickets} (Support:ImportMaxTickets): split it.");
        }

        return rows.Count == 0 && errors.Count == 0
            ? Error.Validation("tickets", "The import holds no tickets.")
            : new ImportFile(rows, errors);
    }

    private List<ImportRow> ReadArray(byte[] body, out Dictionary<string, string[]> errors)
    {
        errors = [];
        try
        {
            var tickets = JsonSerializer.Deserialize<List<ImportedTicket?>>(body, json.Value.SerializerOptions);
            if (tickets is null)
            {
                errors["tickets"] = ["The body must be a JSON array of tickets."];
                return [];
            }

            var rows = new List<ImportRow>(tickets.Count);
            for (var i = 0; i < tickets.Count; i++)
            {
                if (tickets[i] is { } ticket)
                {
                    rows.Add(new ImportRow(i, null, ticket));
                }
                else
                {
                    errors[string.Create(CultureInfo.InvariantCulture, $"tickets[{i}]")] = ["A ticket must be an object."];
                }
            }

            return rows;
        }
        catch (JsonException e)
        {
            // "$[3].messages[1].createdAt" names the row and field the way validation errors do.
            var path = e.Path is { Length: > 1 } p && p.StartsWith("$[", StringComparison.Ordinal) ? "tickets" + p[1..] : "tickets";
            errors[path] = [JsonProblem(e)];
            return [];
        }
    }

    private List<ImportRow> ReadLines(byte[] body, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var rows = new List<ImportRow>();
        var text = Encoding.UTF8.GetString(body);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"line {i + 1}");
            try
            {
                if (JsonSerializer.Deserialize<ImportedTicket>(line, json.Value.SerializerOptions) is { } ticket)
                {
                    rows.Add(new ImportRow(rows.Count, i + 1, ticket));
                }
                else
                {
                    errors[name] = ["A ticket must be an object."];
                }
            }
            catch (JsonException e)
            {
                var key = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? $"{name}: {p[2..]}" : name;
                errors[key] = [JsonProblem(e)];
            }
        }

        return rows;
    }

    private static string JsonProblem(JsonException e) =>
        string.Create(CultureInfo.InvariantCulture, $"Not valid JSON for an import ticket (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");

    private static Error TooLarge(string detail) => new("payload_too_large", "Import too large", detail, StatusCodes.Status413PayloadTooLarge);
}
