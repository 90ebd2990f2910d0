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
            .WithSummary("Imports daily closes from a wide CSV (a date column, then one column per ticker; empty cells are missing prices), as a text/csv body or the first file of a multipart form. New tickers become instruments; a stored close of the same day is replaced. A bad file is a 400 naming the line and column.");

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

            await using var stream = form.Files[0].OpenReadStream();
            using var reader = new StreamReader(stream);
            return (await importer.ImportCsvAsync(reader, null, ct)).ToOk();
        }

        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Error.Validation("body", "Send the prices as a text/csv body or as a file in a multipart/form-data form.").ToProblem();
        }

        using var body = new StreamReader(request.Body);
        // The parser reads synchronously; the body is buffered first so no synchronous I/O reaches the server.
        using var text = new StringReader(await body.ReadToEndAsync(ct));
        return (await importer.ImportCsvAsync(text, null, ct)).ToOk();
    }
}
