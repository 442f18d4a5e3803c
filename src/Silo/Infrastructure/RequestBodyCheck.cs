using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelGrid.Api;

namespace ModelGrid.Silo.Infrastructure;

/// <summary>
/// Finds, in document order, the first thing in a parsed JSON request body that its contract does not take, and says
/// it in one line: an unknown member (with the known ones), a member given twice, a value of the wrong type (with the
/// type expected and the one found), a null where none is allowed, a missing required member. It follows the same
/// contract metadata the serializer reads with, so it names what made the serializer refuse the body.
/// </summary>
public static class RequestBodyCheck
{
    private const int MaxQuotedLength = 40;

    /// <summary>The first problem, or null when the body is one the contract takes.</summary>
    public static string? FirstProblem(JsonElement body, JsonTypeInfo contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Check(body, contract, path: string.Empty, nullable: false);
    }

    /// <summary>The members a contract takes, in order, e.g. "model, suite, version, force".</summary>
    public static string Members(JsonTypeInfo contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return string.Join(", ", contract.Properties.Select(p => p.Name));
    }

    private static string? Check(JsonElement value, JsonTypeInfo info, string path, bool nullable)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return nullable || info.Type == typeof(JsonElement) ? null : Mismatch(path, Expected(info), value);
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object => CheckObject(value, info, path),
            JsonTypeInfoKind.Enumerable => CheckArray(value, info, path),
            JsonTypeInfoKind.Dictionary => value.ValueKind == JsonValueKind.Object ? null : Mismatch(path, "an object", value),
            _ => CheckValue(value, info, path),
        };
    }

    private static string? CheckObject(JsonElement value, JsonTypeInfo info, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Mismatch(path, Expected(info), value);
        }

        var comparison = info.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var seen = new HashSet<JsonPropertyInfo>();
        foreach (var member in value.EnumerateObject())
        {
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, member.Name, comparison));
            if (property is null)
            {
                return $"unknown member '{Shorten(member.Name)}' in {Where(path)}; known members: {Members(info)}";
            }

            if (!seen.Add(property))
            {
                return $"member '{property.Name}' is given more than once in {Where(path)}";
            }

            if (CheckMember(member.Value, property, Child(path, property.Name)) is { } problem)
            {
                return problem;
            }
        }

        var missing = info.Properties.Where(p => p.IsRequired && !seen.Contains(p)).Select(p => $"'{p.Name}'").ToList();
        return missing.Count switch
        {
            0 => null,
            1 => $"missing required member {missing[0]} in {Where(path)}",
            _ => $"missing required members {string.Join(", ", missing)} in {Where(path)}",
        };
    }

    private static string? CheckArray(JsonElement value, JsonTypeInfo info, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Mismatch(path, "an array", value);
        }

        var element = info.Options.GetTypeInfo(info.ElementType!);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            // Like the serializer, which does not know whether a list's elements may be null.
            if (Check(item, element, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", nullable: !element.Type.IsValueType) is { } problem)
            {
                return problem;
            }

            index++;
        }

        return null;
    }

    private static string? CheckMember(JsonElement value, JsonPropertyInfo property, string path)
    {
        var nullable = property.AssociatedParameter?.IsNullable ?? property.IsSetNullable;
        if (property.CustomConverter is VersionReferenceJsonConverter)
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => null,
                JsonValueKind.Number when value.TryGetInt64(out _) => null,
                JsonValueKind.Null when nullable => null,
                _ => Mismatch(path, VersionReferenceJsonConverter.Expected, value, showValue: value.ValueKind == JsonValueKind.Number),
            };
        }

        return Check(value, property.Options.GetTypeInfo(property.PropertyType), path, nullable);
    }

    private static string? CheckValue(JsonElement value, JsonTypeInfo info, string path)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        var numbersFromStrings = info.Options.NumberHandling.HasFlag(JsonNumberHandling.AllowReadingFromString);
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var number = value.ValueKind == JsonValueKind.Number;

        // Whether the value is of a kind the type is read from, and whether it is one the type takes.
        (bool Kind, bool Taken) verdict = type switch
        {
            _ when type == typeof(string) => (text is not null, text is not null),
            _ when type == typeof(bool) => (false, value.ValueKind is JsonValueKind.True or JsonValueKind.False),
            _ when type == typeof(int) => Numeric(number ? value.TryGetInt32(out _) : numbersFromStrings && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
            _ when type == typeof(long) => Numeric(number ? value.TryGetInt64(out _) : numbersFromStrings && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)),
            _ when type == typeof(double) => Numeric(number || (numbersFromStrings && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))),
            _ when type.IsEnum => (number || text is not null, number ? value.TryGetInt64(out _) : text is not null && Enum.TryParse(type, text, ignoreCase: true, out _)),
            _ when type == typeof(DateTimeOffset) => (text is not null, text is not null && value.TryGetDateTimeOffset(out _)),
            _ when type == typeof(DateTime) => (text is not null, text is not null && value.TryGetDateTime(out _)),
            _ when type == typeof(Guid) => (text is not null, text is not null && value.TryGetGuid(out _)),

            // Anything else is the serializer's to judge; its own message stands.
            _ => (true, true),
        };
        return verdict.Taken ? null : Mismatch(path, Expected(info), value, verdict.Kind);

        (bool, bool) Numeric(bool taken) => (number || (numbersFromStrings && text is not null), taken);
    }

    private static string Expected(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => $"an object with members {Members(info)}",
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary => "an object",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) => "a number",
            _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)))}",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time such as 2027-01-31T12:00:00Z",
            _ when type == typeof(Guid) => "a GUID",
            _ => "a value of another type",
        };
    }

    /// <summary>
    /// "'force' must be true or false, not a string": what was sent is named by its kind, or by its text when its kind
    /// is right and its value is not (<paramref name="showValue"/>).
    /// </summary>
    private static string Mismatch(string path, string expected, JsonElement found, bool showValue = false)
    {
        var what = found.ValueKind switch
        {
            JsonValueKind.String when showValue => $"'{Shorten(found.GetString() ?? string.Empty)}'",
            JsonValueKind.String => "a string",
            JsonValueKind.Number when showValue => Shorten(found.GetRawText()),
            JsonValueKind.Number => "a number",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => "null",
        };
        return $"{(path.Length == 0 ? "the request body" : $"'{path}'")} must be {expected}, not {what}";
    }

    private static string Where(string path) => path.Length == 0 ? "the request body" : path;

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Shorten(string text) => text.Length <= MaxQuotedLength ? text : $"{text[..MaxQuotedLength]}…";
}
