using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Modules.Support.Chat.Resources;
using Nqba.Server.Modules.Support.Knowledge;

namespace Nqba.Server.Modules.Support.Chat.Bot;

/// <summary>
/// Answers a visitor from the top-ranked public article of their language, with a confidence
/// (<see cref="AnswerConfidence"/>); says when it is unsure and hands over on request or low confidence.
/// </summary>
internal sealed class ChatBot(IKnowledgeSearch search, SupportChatDbContext db, MarkdownRenderer markdown, IOptions<SupportChatOptions> options)
{
    private const int SummaryLength = 400;

    public async Task<BotReply> ReplyAsync(string question, string language, CancellationToken cancellationToken)
    {
        if (HandoverRequest.IsMatch(question))
        {
            return new BotReply(BotOutcome.HumanRequested, null, null, 0);
        }

        var hits = await search.SearchAsync(question, language, includeInternal: false, limit: 1, cancellationToken);
        var article = hits.Count == 0 ? null : await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == hits[0].ArticleId, cancellationToken);
        var confidence = article is null ? 0 : AnswerConfidence.Compute(question, article.SearchTitle, article.SearchText);
        var settings = options.Value;
        if (article is null || confidence < settings.HandOverBelow)
        {
            return new BotReply(BotOutcome.LowConfidence, SupportChatResource.Get("BotNoAnswer", language), article?.Id, confidence);
        }

        var summary = Summary(markdown.ToPlainText(article.BodyMarkdown));
        return confidence >= settings.ConfidentAt
            ? new BotReply(BotOutcome.Answered, SupportChatResource.Get("BotAnswer", language, article.Title, summary), article.Id, confidence)
            : new BotReply(BotOutcome.Unsure, SupportChatResource.Get("BotUnsure", language, article.Title, summary), article.Id, confidence);
    }

    private static string Summary(string text)
    {
        text = text.Trim();
        return text.Length <= SummaryLength ? text : text[..SummaryLength].TrimEnd() + "…";
    }
}
