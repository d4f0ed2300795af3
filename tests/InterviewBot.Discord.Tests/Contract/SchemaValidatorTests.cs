using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace InterviewBot.Discord.Tests.Contract;

public sealed class SchemaValidatorTests
{
    private static OpenApiSchema Object(params (string Name, IOpenApiSchema Schema, bool Required)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        Required = properties.Where(p => p.Required).Select(p => p.Name).ToHashSet(),
    };

    [Fact]
    public void Validate_MissingRequired_Reports()
    {
        var schema = Object(("id", new OpenApiSchema { Type = JsonSchemaType.String }, true));

        Assert.Contains(SchemaValidator.Validate(schema, new JsonObject()), e => e.Contains("'id'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NullWhereNullable_Passes()
    {
        var schema = Object(("topic", new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null }, true));

        Assert.Empty(SchemaValidator.Validate(schema, new JsonObject { ["topic"] = null }));
    }

    [Fact]
    public void Validate_NullWhereNotNullable_Reports()
    {
        var schema = Object(("name", new OpenApiSchema { Type = JsonSchemaType.String }, true));

        Assert.NotEmpty(SchemaValidator.Validate(schema, new JsonObject { ["name"] = null }));
    }

    [Fact]
    public void Validate_IntegerGivenFraction_Reports()
    {
        Assert.NotEmpty(SchemaValidator.Validate(new OpenApiSchema { Type = JsonSchemaType.Integer }, JsonValue.Create(1.5)));
        Assert.Empty(SchemaValidator.Validate(new OpenApiSchema { Type = JsonSchemaType.Integer }, JsonValue.Create(2)));
    }

    [Fact]
    public void Validate_StringLengthOutOfRange_Reports()
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 3 };

        Assert.NotEmpty(SchemaValidator.Validate(schema, JsonValue.Create("")));
        Assert.NotEmpty(SchemaValidator.Validate(schema, JsonValue.Create("abcd")));
        Assert.Empty(SchemaValidator.Validate(schema, JsonValue.Create("abc")));
    }

    [Fact]
    public void Validate_TooManyItems_Reports()
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = 1, Items = new OpenApiSchema { Type = JsonSchemaType.Integer } };

        Assert.NotEmpty(SchemaValidator.Validate(schema, new JsonArray(1, 2)));
        Assert.NotEmpty(SchemaValidator.Validate(schema, new JsonArray("x")));
    }

    [Fact]
    public void Validate_ValueOutsideEnum_Reports()
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Enum = [JsonValue.Create(10), JsonValue.Create(11)] };

        Assert.NotEmpty(SchemaValidator.Validate(schema, JsonValue.Create(12)));
        Assert.Empty(SchemaValidator.Validate(schema, JsonValue.Create(11)));
    }

    [Fact]
    public void Validate_OneOf_NeedsExactlyOneMatch()
    {
        var schema = new OpenApiSchema
        {
            OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9]+$" }],
        };

        Assert.Empty(SchemaValidator.Validate(schema, null));
        Assert.Empty(SchemaValidator.Validate(schema, JsonValue.Create("123")));
        Assert.NotEmpty(SchemaValidator.Validate(schema, JsonValue.Create("abc")));
    }

    [Fact]
    public void Validate_AnyOf_NeedsOneMatch()
    {
        var schema = new OpenApiSchema { AnyOf = [new OpenApiSchema { Type = JsonSchemaType.Integer }, new OpenApiSchema { Type = JsonSchemaType.Boolean }] };

        Assert.Empty(SchemaValidator.Validate(schema, JsonValue.Create(true)));
        Assert.NotEmpty(SchemaValidator.Validate(schema, JsonValue.Create("x")));
    }

    [Fact]
    public void Validate_AdditionalPropertiesFalse_Reports()
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = false };

        Assert.NotEmpty(SchemaValidator.Validate(schema, new JsonObject { ["x"] = 1 }));
    }

    [Fact]
    public async Task Validate_SpecRefSchema_ResolvesAndChecksMessageResponse()
    {
        var document = await DiscordSpec.GetAsync();
        var schema = DiscordSpec.ResponseSchema(document, "/channels/{channel_id}/messages/{message_id}", "GET", 200, out var found);

        Assert.True(found);
        Assert.NotNull(schema);
        var errors = SchemaValidator.Validate(schema!, new JsonObject { ["id"] = "not-a-snowflake", ["content"] = 5 });
        Assert.Contains(errors, e => e.Contains("$.id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.content", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'author'", StringComparison.Ordinal));
    }
}
