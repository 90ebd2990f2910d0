using Nqba.Server.Modules.Support.Chat.Bot;
using Nqba.Server.Modules.Support.Knowledge;

namespace Nqba.Server.Tests.SupportChat;

public sealed class BotTests
{
    [Theory]
    [InlineData("human")]
    [InlineData("Can I talk to a person please?")]
    [InlineData("I want an agent")]
    [InlineData("Ich möchte mit einem Mitarbeiter sprechen")]
    [InlineData("Mensch bitte")]
    [InlineData("担当者と話したいです")]
    [InlineData("オペレーターをお願いします")]
    public void HandoverRequest_InEnglishGermanJapanese_IsRecognized(string message) =>
        Assert.True(HandoverRequest.IsMatch(message));

    [Theory]
    [InlineData("How do I reset my password?")]
    [InlineData("How do I deploy an AI agent from the marketplace to our production cluster?")]
    [InlineData("Wie ändere ich meine Rechnungsadresse?")]
    [InlineData("パスワードをリセットしたい")]
    public void HandoverRequest_OrdinaryQuestions_GoToTheBot(string message) =>
        Assert.False(HandoverRequest.IsMatch(message));

    [Fact]
    public void Confidence_IsTheShareOfSignificantQuestionTermsFoundInTheArticle()
    {
        var title = SearchTokenizer.Join("Resetting your password");
        var body = SearchTokenizer.Join("Open the sign-in page and choose Forgot password. We e-mail a link.");

        // Significant: reset (~resetting), password, link; "how", "do", "my", "the" are stop words or short.
        var full = AnswerConfidence.Compute("How do I reset my password with the link?", title, body);
        var partial = AnswerConfidence.Compute("How do I reset my passport?", title, body);
        var none = AnswerConfidence.Compute("Where is the invoice?", title, body);

        Assert.Equal(1.0, full, 3);
        Assert.Equal(0.5, partial, 3);
        Assert.Equal(0.0, none, 3);
    }

    [Fact]
    public void Tokenizer_SplitsJapaneseIntoBigrams_AndDropsHiragana()
    {
        Assert.Equal(["パス", "スワ", "ワー", "ード", "リセ", "セッ", "ット", "方法"], SearchTokenizer.Tokenize("パスワードをリセットする方法"));
        Assert.Equal(["größe", "ändern", "v2"], SearchTokenizer.Tokenize("Größe ändern (v2)"));
    }
}
