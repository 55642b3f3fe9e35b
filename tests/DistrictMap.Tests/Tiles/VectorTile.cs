using System.Text;

namespace DistrictMap.Tests.Tiles;

/// <summary>
/// A Mapbox Vector Tile read back, enough to check what it holds: each layer's name, extent and features
/// with their properties and geometry type. Written from the MVT 2.1 protocol buffers schema.
/// </summary>
public sealed record VectorTile(IReadOnlyList<VectorTile.Layer> Layers)
{
    public sealed record Layer(string Name, int Extent, IReadOnlyList<Feature> Features);

    /// <summary>A feature: geometry type 1 point, 2 line, 3 polygon; its properties by name.</summary>
    public sealed record Feature(int GeometryType, IReadOnlyDictionary<string, object> Properties, int GeometryCommands);

    public static VectorTile Read(byte[] bytes)
    {
        var layers = new List<Layer>();
        var reader = new Reader(bytes);
        while (reader.More)
        {
            var (field, wire) = reader.Key();
            if (field == 3)
            {
                layers.Add(ReadLayer(reader.Bytes()));
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return new VectorTile(layers);
    }

    private static Layer ReadLayer(byte[] bytes)
    {
        var reader = new Reader(bytes);
        string name = "";
        var extent = 4096;
        var keys = new List<string>();
        var values = new List<object>();
        var features = new List<(int Type, List<ulong> Tags, int Commands)>();
        while (reader.More)
        {
            var (field, wire) = reader.Key();
            switch (field)
            {
                case 1: name = Encoding.UTF8.GetString(reader.Bytes()); break;
                case 2: features.Add(ReadFeature(reader.Bytes())); break;
                case 3: keys.Add(Encoding.UTF8.GetString(reader.Bytes())); break;
                case 4: values.Add(ReadValue(reader.Bytes())); break;
                case 5: extent = (int)reader.Varint(); break;
                default: reader.Skip(wire); break;
            }
        }

        return new Layer(name, extent, [.. features.Select(f => new Feature(
            f.Type,
            Enumerable.Range(0, f.Tags.Count / 2).ToDictionary(i => keys[(int)f.Tags[2 * i]], i => values[(int)f.Tags[(2 * i) + 1]]),
            f.Commands))]);
    }

    private static (int Type, List<ulong> Tags, int Commands) ReadFeature(byte[] bytes)
    {
        var reader = new Reader(bytes);
        var type = 0;
        var tags = new List<ulong>();
        var commands = 0;
        while (reader.More)
        {
            var (field, wire) = reader.Key();
            switch (field)
            {
                case 2: tags.AddRange(Packed(reader.Bytes())); break;
                case 3: type = (int)reader.Varint(); break;
                case 4: commands = Packed(reader.Bytes()).Count; break;
                default: reader.Skip(wire); break;
            }
        }

        return (type, tags, commands);
    }

    private static object ReadValue(byte[] bytes)
    {
        var reader = new Reader(bytes);
        var (field, _) = reader.Key();
        return field switch
        {
            1 => Encoding.UTF8.GetString(reader.Bytes()),
            2 => (double)BitConverter.ToSingle(reader.Fixed(4)),
            3 => BitConverter.ToDouble(reader.Fixed(8)),
            4 => (long)reader.Varint(),
            5 => (long)reader.Varint(),
            6 => ZigZag(reader.Varint()),
            7 => reader.Varint() != 0,
            _ => throw new InvalidDataException($"value field {field}"),
        };
    }

    private static long ZigZag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);

    private static List<ulong> Packed(byte[] bytes)
    {
        var reader = new Reader(bytes);
        var list = new List<ulong>();
        while (reader.More)
        {
            list.Add(reader.Varint());
        }

        return list;
    }

    private sealed class Reader(byte[] bytes)
    {
        private int position;

        public bool More => position < bytes.Length;

        public (int Field, int Wire) Key()
        {
            var key = Varint();
            return ((int)(key >> 3), (int)(key & 7));
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[position++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
        }

        public byte[] Bytes()
        {
            var length = (int)Varint();
            var slice = bytes[position..(position + length)];
            position += length;
            return slice;
        }

        public byte[] Fixed(int length)
        {
            var slice = bytes[position..(position + length)];
            position += length;
            return slice;
        }

        public void Skip(int wire)
        {
            _ = wire switch
            {
                0 => (object)Varint(),
                1 => Fixed(8),
                2 => Bytes(),
                5 => Fixed(4),
                _ => throw new InvalidDataException($"wire type {wire}"),
            };
        }
    }
}
