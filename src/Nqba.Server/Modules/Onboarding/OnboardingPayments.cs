namespace Nqba.Server.Modules.Onboarding;

/// <summary>The rules of a recorded invoice: its status identifiers and the check that keeps card numbers out.</summary>
public static class OnboardingPayments
{
    public const int MaxInvoiceNumberLength = 40;

    /// <summary>The API identifier of a status: <c>issued</c>, <c>paid</c>, <c>void</c>.</summary>
    public static string Id(PaymentStatus status) => status.ToString().ToLowerInvariant();

    public static PaymentStatus? Parse(string? id) =>
        Enum.GetValues<PaymentStatus>().Cast<PaymentStatus?>().FirstOrDefault(s => string.Equals(Id(s!.Value), id?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the text is (or holds) a payment card number: 13 to 19 digits, spaces and dashes aside, that pass the
    /// Luhn check. Such an "invoice number" is refused so that no card number is ever stored.
    /// </summary>
    public static bool LooksLikeCardNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = new List<int>(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c - '0');
            }
            else if (c is not (' ' or '-'))
            {
                // Another character ends a run of digits: each run is judged on its own.
                if (IsCard(digits))
                {
                    return true;
                }

                digits.Clear();
            }
        }

        return IsCard(digits);
    }

    private static bool IsCard(List<int> digits)
    {
        if (digits.Count is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Count; i++)
        {
            var d = digits[digits.Count - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
