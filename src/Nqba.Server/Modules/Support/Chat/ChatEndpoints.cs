using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Chat;

internal static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/support/chat").WithTags("Support").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/conversations", ListChatConversations)
            .WithName("ListChatConversations");

        group.MapGet("/conversations/{id:guid}", GetChatConversation)
            .WithName("GetChatConversation");

        return app;
    }

    private static async Task<Ok<List<ConversationSummary>>> ListChatConversations(ChatService chat, CancellationToken ct) =>
        TypedResults.Ok(await chat.ListOpenAsync(ct));

    private static async Task<Results<Ok<ConversationView>, ProblemHttpResult>> GetChatConversation(Guid id, ChatService chat, CancellationToken ct)
    {
        var result = await chat.GetAsync(id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
