using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nqba.Server.Modules.Pipeline.Proposals;

/// <summary>
/// The canonical document of a proposal version: the exact text a client sees in the contract section of the signed
/// link's page and signs, and whose SHA-256 is recorded with the signature. Deterministic by construction: only the
/// version's stored fields go in (never the time, the reader's culture or a resource file that a translation could
/// change), numbers are written in the invariant culture, text is NFC with line feeds only, and the bytes are UTF-8
/// without a byte-order mark. The labels of format 1 are fixed here, in each of the three languages; a later change of
/// the layout must become format 2, leaving format 1 rendering (and so every signed hash) as it is.
/// </summary>
internal static class ProposalDocument
{
    /// <summary>The format this renderer writes; named in the document's second line.</summary>
    public const string Format = "nqba-proposal/1";

    /// <summary>The version's document text.</summary>
    public static string Render(Guid proposalId, string currency, ProposalVersion version)
    {
        var l = Labels.GetValueOrDefault(version.Language) ?? Labels["en"];
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line.TrimEnd()).Append('\n');

        Line(l.Heading);
        Line($"{l.DocumentFormat}: {Format}");
        Line($"{l.Proposal}: {proposalId:D}");
        Line($"{l.Version}: {version.Number.ToString(CultureInfo.InvariantCulture)}");
        Line($"{l.Title}: {Clean(version.Title)}");
        Line($"{l.Seller}: NQBA");
        Line($"{l.Client}: {Clean(version.ClientName)}");
        Line($"{l.Currency}: {currency}");
        Line($"{l.ValidUntil}: {version.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Line();
        Line(l.LineItems);
        var position = 1;
        foreach (var item in version.LineItems.OrderBy(i => i.Position))
        {
            Line($"{position.ToString(CultureInfo.InvariantCulture)}. {Clean(item.Description)}");
            Line($"   {ProposalMoney.Quantity(item.Quantity)} × {ProposalMoney.Format(item.UnitPrice, currency)} = {ProposalMoney.Format(item.Amount, currency)}");
            position++;
        }

        Line();
        Line($"{l.Subtotal}: {ProposalMoney.Format(version.Subtotal, currency)}");
        if (version.DiscountKind == DiscountKind.Percent)
        {
            Line($"{l.Discount} ({ProposalMoney.Percent(version.DiscountValue)} %): -{ProposalMoney.Format(version.DiscountAmount, currency)}");
        }
        else if (version.DiscountKind == DiscountKind.Amount)
        {
            Line($"{l.Discount}: -{ProposalMoney.Format(version.DiscountAmount, currency)}");
        }

        Line($"{l.Total}: {ProposalMoney.Format(version.Total, currency)} {currency}");
        Line();
        Line(l.Terms);
        if (string.IsNullOrWhiteSpace(version.Terms))
        {
            Line(l.NoTerms);
        }
        else
        {
            foreach (var termLine in Clean(version.Terms).Split('\n'))
            {
                Line(termLine);
            }
        }

        Line();
        Line(l.Signature);
        Line(string.Format(CultureInfo.InvariantCulture, l.Clause, version.Number));
        return text.ToString();
    }

    /// <summary>The SHA-256 of the document's UTF-8 bytes, lower-case hex (64 characters).</summary>
    public static string Sha256(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary>The version's document's SHA-256 as its stored fields render now.</summary>
    public static string Sha256(Guid proposalId, string currency, ProposalVersion version) => Sha256(Render(proposalId, currency, version));

    /// <summary>Whether <paramref name="value"/> looks like a SHA-256 in hex (either case).</summary>
    public static bool IsSha256(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    /// <summary>Line feeds only, NFC, no trailing spaces at the end: the same text always gives the same bytes.</summary>
    private static string Clean(string value) =>
        value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC).TrimEnd();

    private sealed record DocumentLabels(
        string Heading, string DocumentFormat, string Proposal, string Version, string Title, string Seller, string Client, string Currency,
        string ValidUntil, string LineItems, string Subtotal, string Discount, string Total, string Terms, string NoTerms, string Signature, string Clause);

    // Format 1's labels. Never edit these: a signed document's hash depends on every character.
    private static readonly Dictionary<string, DocumentLabels> Labels = new(StringComparer.Ordinal)
    {
        ["en"] = new(
            "PROPOSAL AND CONTRACT", "Document format", "Proposal", "Version", "Title", "Seller", "Client", "Currency", "Valid until",
            "Line items", "Subtotal", "Discount", "Total", "Terms", "No terms beyond this document.", "Acceptance and signature",
            "The client accepts version {0} of this proposal as a binding order on the terms above. Typing the full name and giving consent is the client's electronic signature of this document."),
        ["de"] = new(
            "ANGEBOT UND VERTRAG", "Dokumentformat", "Angebot", "Version", "Titel", "Anbieter", "Kunde", "Währung", "Gültig bis",
            "Positionen", "Zwischensumme", "Rabatt", "Gesamt", "Bedingungen", "Keine Bedingungen über dieses Dokument hinaus.", "Annahme und Unterschrift",
            "Der Kunde nimmt Version {0} dieses Angebots als verbindliche Bestellung zu den obigen Bedingungen an. Die Eingabe des vollständigen Namens mit Zustimmung ist die elektronische Unterschrift des Kunden unter dieses Dokument."),
        ["ja"] = new(
            "提案書および契約書", "文書形式", "提案", "版", "件名", "提供者", "顧客", "通貨", "有効期限",
            "明細", "小計", "値引き", "合計", "条件", "本書以外の条件はありません。", "承諾と署名",
            "顧客は、本提案の第{0}版を上記の条件による拘束力のある注文として承諾します。氏名の入力と同意は、本書に対する顧客の電子署名となります。"),
    };
}

/// <summary>Money as proposals write it: rounded to the currency's minor unit, formatted in the invariant culture.</summary>
internal static class ProposalMoney
{
    /// <summary>Currencies without a minor unit in ISO 4217 that a deal is likely to use.</summary>
    private static readonly HashSet<string> WholeUnits = new(StringComparer.Ordinal) { "JPY", "KRW", "CLP", "ISK", "VND", "PYG", "UGX", "XAF", "XOF" };

    public static int Digits(string currency) => WholeUnits.Contains(currency) ? 0 : 2;

    public static decimal Round(decimal value, string currency) => Math.Round(value, Digits(currency), MidpointRounding.AwayFromZero);

    public static string Format(decimal value, string currency) =>
        Round(value, currency).ToString(Digits(currency) == 0 ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture);

    public static string Quantity(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
