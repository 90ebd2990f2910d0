using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Scheduling.Import;

internal static class BookingImportEndpoints
{
    public static IEndpointRouteBuilder MapBookingImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/scheduling/import", ImportBookingHistory)
            .WithTags("Scheduling import")
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("ImportBookingHistory")
            .WithSummary("Imports booking history from another scheduling tool (a JSON array, at most 2000): idempotent per source and external id; imported bookings block their time but send no mail, reminders or events; a bad row writes nothing (400 naming bookings[i].field).");
        return app;
    }

    private static async Task<Results<Ok<BookingImportResult>, ProblemHttpResult>> ImportBookingHistory(List<ImportedBooking?>? bookings, BookingImport import, CancellationToken ct) =>
        (await import.ImportAsync(bookings, "import", ct)).ToOk();
}
