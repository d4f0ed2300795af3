using System.Data;
using System.Globalization;
using Dapper;
using InterviewBot.Core.Scheduling;

namespace InterviewBot.Storage;

/// <summary>
/// Dapper mappings for the storage conventions: snowflakes (<see cref="ulong"/>) as INTEGER, instants
/// (<see cref="DateTimeOffset"/>) as INTEGER unix milliseconds UTC, local dates as TEXT yyyy-MM-dd and
/// local times as TEXT HH:mm.
/// </summary>
public static class SqliteTypeHandlers
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        // Dapper's built-in map would send these as UInt64/DateTimeOffset/Date parameters; the handlers replace it.
        SqlMapper.RemoveTypeMap(typeof(ulong));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(TimeOnly));
        SqlMapper.AddTypeHandler(new SnowflakeHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new LocalDateHandler());
        SqlMapper.AddTypeHandler(new LocalTimeHandler());
        SqlMapper.AddTypeHandler(new TextListHandler());
        SqlMapper.AddTypeHandler(new WeekdaySetHandler());

        // Columns are snake_case, properties PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public static long ToUnixMilliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static string ToText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class SnowflakeHandler : SqlMapper.TypeHandler<ulong>
    {
        public override void SetValue(IDbDataParameter parameter, ulong value)
        {
            parameter.DbType = DbType.Int64;
            // Discord snowflakes use 63 bits, so they fit a signed INTEGER; anything larger is a bug upstream.
            parameter.Value = checked((long)value);
        }

        public override ulong Parse(object value) => checked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value.ToUnixTimeMilliseconds();
        }

        public override DateTimeOffset Parse(object value) =>
            DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private sealed class LocalDateHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToText(value);
        }

        public override DateOnly Parse(object value) =>
            DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed class LocalTimeHandler : SqlMapper.TypeHandler<TimeOnly>
    {
        public override void SetValue(IDbDataParameter parameter, TimeOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        public override TimeOnly Parse(object value) =>
            TimeOnly.ParseExact((string)value, "HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Short lists (categories, key point ids, question ids) as newline-separated TEXT; none of their items contain a newline.</summary>
    private sealed class TextListHandler : SqlMapper.TypeHandler<IReadOnlyList<string>>
    {
        public override void SetValue(IDbDataParameter parameter, IReadOnlyList<string>? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value is null ? DBNull.Value : string.Join('\n', value);
        }

        public override IReadOnlyList<string> Parse(object value)
        {
            var text = (string)value;
            return text.Length == 0 ? [] : text.Split('\n');
        }
    }

    private sealed class WeekdaySetHandler : SqlMapper.TypeHandler<WeekdaySet>
    {
        public override void SetValue(IDbDataParameter parameter, WeekdaySet value)
        {
            parameter.DbType = DbType.Int32;
            parameter.Value = value.Mask;
        }

        public override WeekdaySet Parse(object value) => new(Convert.ToInt32(value, CultureInfo.InvariantCulture));
    }
}
