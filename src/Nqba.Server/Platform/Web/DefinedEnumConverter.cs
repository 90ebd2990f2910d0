using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Enums in API bodies: by name (as <see cref="JsonStringEnumConverter"/>), and only the values the enum defines.
/// The plain converter also takes any number ("priority": 99, "status": "-1") and stores a state no code
/// expects; here such a value is a JSON error, answered 400 naming the field (its JSON path).
/// </summary>
internal sealed class DefinedEnumConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _names = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), _names.CreateConverter(typeToConvert, options))!;

    private sealed class Converter<TEnum>(JsonConverter names) : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly bool IsFlags = typeof(TEnum).IsDefined(typeof(FlagsAttribute), inherit: false);
        private static readonly ulong AllFlags = IsFlags ? Enum.GetValues<TEnum>().Aggregate(0UL, (all, v) => all | Convert.ToUInt64(v, System.Globalization.CultureInfo.InvariantCulture)) : 0;
        private readonly JsonConverter<TEnum> _names = (JsonConverter<TEnum>)names;

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Defined(_names.Read(ref reader, typeToConvert, options));

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            _names.Write(writer, value, options);

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Defined(_names.ReadAsPropertyName(ref reader, typeToConvert, options));

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            _names.WriteAsPropertyName(writer, value, options);

        private static TEnum Defined(TEnum value)
        {
            var defined = IsFlags
                ? (Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) & ~AllFlags) == 0
                : Enum.IsDefined(value);
            return defined
                ? value
                : throw new JsonException($"'{value}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }
}
