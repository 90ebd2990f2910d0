using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Trading.MarketData;

internal static class MarketDataEndpoints
{
    public static IEndpointRouteBuilder MapMarketDataEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/trading").WithTags("Trading").RequireAuthorization(NqbaPolicies.Trading);

        group.MapGet("/instruments", ListInstruments)
            .WithName("ListInstruments")
            .WithSummary("Every instrument with the span of its stored daily prices and its last close; the benchmark is marked.");

        group.MapPost("/prices/import", ImportPrices)
            .WithName("ImportPrices")
            // No Accepts metadata: it makes routing answer 415 before authorization runs. The handler checks the type.
            .WithSummary("Imports daily closes from a wide CSV (a date column, then one column per ticker; empty cells are missing prices) or from OHLCV files (Date, Open, High, Low, Close[, Adj Close], Volume; one ticker each: the adjusted close when present), as a text/csv body (OHLCV with ?ticker=) or the files of a multipart form (an OHLCV file's ticker is its name without extension, or the form's ticker field for one file). New tickers become instruments; a stored close of the same day is replaced. A bad file is a 400 naming the file, line and column.");

        return app;
    }

    private static async Task<Ok<IReadOnlyList<InstrumentDto>>> ListInstruments(MarketDataQueries market, CancellationToken ct) =>
        TypedResults.Ok(await market.ListInstrumentsAsync(ct));

    private static async Task<Results<Ok<PriceImportResult>, ProblemHttpResult>> ImportPrices(HttpRequest request, PriceImporter importer, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.Count == 0)
            {
                return Error.Validation("file", "The form has no file: attach the CSV.").ToProblem();
            }

            var files = new List<(string Name, string Text)>(form.Files.Count);
            foreach (var file in form.Files)
            {
                await using var stream = file.OpenReadStream();
                using var reader = new StreamReader(stream);
                files.Add((file.FileName, await reader.ReadToEndAsync(ct)));
            }

            if (files.Count == 1 && !PriceImporter.IsOhlcv(files[0].Text))
            {
                return (await importer.ImportCsvAsync(new StringReader(files[0].Text), null, ct)).ToOk();
            }

            // One ticker per file: the form's ticker field for a single file, else each file's name without its extension.
            var single = files.Count == 1 && form["ticker"].ToString() is { Length: > 0 } named ? named : null;
            return (await importer.ImportOhlcvAsync([.. files.Select(f => (single ?? Path.GetFileNameWithoutExtension(f.Name), f.Name, f.Text))], ct)).ToOk();
        }

        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Error.Validation("body", "Send the prices as a text/csv body or as a file in a multipart/form-data form.").ToProblem();
        }

        using var body = new StreamReader(request.Body);
        // The parser reads synchronously; the body is buffered first so no synchronous I/O reaches the server.
        var text = await body.ReadToEndAsync(ct);
        if (PriceImporter.IsOhlcv(text))
        {
            return request.Query["ticker"].ToString() is { Length: > 0 } ticker
                ? (await importer.ImportOhlcvAsync([(ticker, ticker, text)], ct)).ToOk()
                : Error.Validation("ticker", "An OHLCV file is one ticker's: name it with ?ticker=XYZ.").ToProblem();
        }

        return (await importer.ImportCsvAsync(new StringReader(text), null, ct)).ToOk();
    }
}
