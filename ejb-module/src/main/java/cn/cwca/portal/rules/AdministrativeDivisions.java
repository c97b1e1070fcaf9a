package cn.cwca.portal.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Catalogue of China's administrative divisions at county level and above (GB/T 2260 codes of the
 * Ministry of Civil Affairs, 1981–2024, abolished codes included), read once from {@value
 * #RESOURCE}.
 *
 * <p>Only divisions in use ({@code 在用}) appear in {@link #provinces()} and {@link
 * #children(String)}; every code ever used is known to {@link #find(String)} and {@link
 * #everUsed(String)}. A county-level division hangs under its prefecture ({@code code[0..4] +
 * "00"}) when that prefecture is in use, otherwise directly under its province: this is the case
 * for the districts of the municipalities (北京, 天津, 上海, 重庆) and for the county-level divisions
 * administered directly by a province (e.g. 429004 仙桃市). Instances are immutable and thread-safe.
 */
public final class AdministrativeDivisions {

  /** Classpath location of the catalogue (UTF-8 with BOM, see the NOTICE file beside it). */
  public static final String RESOURCE = "/cn/cwca/portal/rules/admin-divisions.csv";

  /** Level of a division (级别). */
  public enum Level {
    /** 省级: province, autonomous region, municipality, special administrative region. */
    PROVINCE,
    /** 地级: prefecture-level city, prefecture, autonomous prefecture, league. */
    PREFECTURE,
    /** 县级: district, county, county-level city, banner. */
    COUNTY
  }

  /**
   * One division. The JavaBeans-style getters duplicate the record accessors because Jakarta EL 5.0
   * (Jakarta EE 10) does not resolve record components as properties.
   *
   * @param code six-digit GB/T 2260 code
   * @param name name (the current one when the code is in use, otherwise the latest one)
   * @param level level
   * @param inUse whether the code is in use today
   */
  public record Division(String code, String name, Level level, boolean inUse)
      implements Serializable {

    /** Same as {@link #code()}. */
    public String getCode() {
      return code;
    }

    /** Same as {@link #name()}. */
    public String getName() {
      return name;
    }

    /** Same as {@link #level()}. */
    public Level getLevel() {
      return level;
    }

    /** Same as {@link #inUse()}. */
    public boolean isInUse() {
      return inUse;
    }
  }

  private static final String IN_USE = "在用";
  private static final String DIRECTLY_ADMINISTERED = "直辖";
  private static final char BOM = '\uFEFF';

  private static final int COL_CODE = 0;
  private static final int COL_PROVINCE = 1;
  private static final int COL_PREFECTURE = 2;
  private static final int COL_NAME = 3;
  private static final int COL_LEVEL = 4;
  private static final int COL_STATUS = 5;
  private static final int COL_SINCE = 6;
  private static final int MIN_COLUMNS = 7;

  private final Map<String, Division> byCode;
  private final Map<String, String> fullNames;
  private final List<Division> provinces;
  private final Map<String, List<Division>> children;

  private static final class Holder {
    private static final AdministrativeDivisions INSTANCE = loadResource();
  }

  private AdministrativeDivisions(List<Row> rows) {
    Map<String, Row> preferred = new HashMap<>();
    for (Row row : rows) {
      preferred.merge(row.code(), row, AdministrativeDivisions::preferredRow);
    }
    Map<String, Division> divisions = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Row row : preferred.values()) {
      divisions.put(row.code(), row.division());
      names.put(row.code(), row.fullName());
    }
    Map<String, List<Division>> tree = new TreeMap<>();
    List<Division> roots = new ArrayList<>();
    for (Division division : divisions.values()) {
      if (!division.inUse()) {
        continue;
      }
      if (division.level() == Level.PROVINCE) {
        roots.add(division);
      } else {
        tree.computeIfAbsent(parentCode(division, divisions), k -> new ArrayList<>()).add(division);
      }
    }
    Comparator<Division> byCodeOrder = Comparator.comparing(Division::code);
    roots.sort(byCodeOrder);
    Map<String, List<Division>> frozen = new HashMap<>();
    tree.forEach(
        (parent, list) -> {
          list.sort(byCodeOrder);
          frozen.put(parent, List.copyOf(list));
        });
    this.byCode = Map.copyOf(divisions);
    this.fullNames = Map.copyOf(names);
    this.provinces = List.copyOf(roots);
    this.children = Map.copyOf(frozen);
  }

  /** The catalogue loaded from {@value #RESOURCE}, on first use. */
  public static AdministrativeDivisions get() {
    return Holder.INSTANCE;
  }

  /** Provinces (省级) in use, ordered by code. */
  public List<Division> provinces() {
    return provinces;
  }

  /**
   * Divisions in use directly under {@code parentCode}, ordered by code: for a province its
   * prefectures and the county-level divisions it administers directly (for a municipality: its
   * districts), for a prefecture its counties; empty for a county, an abolished or an unknown code.
   */
  public List<Division> children(String parentCode) {
    return parentCode == null ? List.of() : children.getOrDefault(parentCode.strip(), List.of());
  }

  /** The division with this code, in use or not. */
  public Optional<Division> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
  }

  /** Whether the code is a division in use, i.e. one the picker may offer. */
  public boolean isSelectable(String code) {
    return find(code).map(Division::inUse).orElse(false);
  }

  /** Whether the code was ever used (1981–2024), abolished codes included. */
  public boolean everUsed(String code) {
    return find(code).isPresent();
  }

  /**
   * Names from province down to the division, separated by single spaces and without repetitions,
   * e.g. "山东省 聊城市 东昌府区" or "北京市 东城区"; empty for an unknown code.
   */
  public String fullName(String code) {
    return code == null ? "" : fullNames.getOrDefault(code.strip(), "");
  }

  private static String parentCode(Division division, Map<String, Division> divisions) {
    String province = division.code().substring(0, 2) + "0000";
    if (division.level() == Level.COUNTY) {
      Division prefecture = divisions.get(division.code().substring(0, 4) + "00");
      if (prefecture != null && prefecture.inUse() && prefecture.level() == Level.PREFECTURE) {
        return prefecture.code();
      }
    }
    return province;
  }

  /**
   * Of two rows with the same code, the one in use, else the one established later (the later row
   * on a tie).
   */
  private static Row preferredRow(Row earlier, Row later) {
    if (earlier.inUse() != later.inUse()) {
      return earlier.inUse() ? earlier : later;
    }
    return earlier.since() > later.since() ? earlier : later;
  }

  private static AdministrativeDivisions loadResource() {
    try (InputStream in = AdministrativeDivisions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + RESOURCE);
      }
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** Parses a catalogue in the format of {@value #RESOURCE}; the stream is not closed. */
  static AdministrativeDivisions load(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Row> rows = new ArrayList<>();
    String line = reader.readLine();
    if (line == null) {
      throw new IllegalStateException("Empty administrative division catalogue");
    }
    if (!line.isEmpty() && line.charAt(0) == BOM) {
      line = line.substring(1);
    }
    if (!line.startsWith("代码,")) {
      throw new IllegalStateException("Unexpected header in " + RESOURCE + ": " + line);
    }
    int lineNumber = 1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (!line.isBlank()) {
        rows.add(Row.parse(line, lineNumber));
      }
    }
    return new AdministrativeDivisions(rows);
  }

  private record Row(
      String code,
      String province,
      String prefecture,
      String name,
      Level level,
      boolean inUse,
      int since) {

    static Row parse(String line, int lineNumber) {
      String[] cols = line.split(",", -1);
      if (cols.length < MIN_COLUMNS || !cols[COL_CODE].strip().matches("\\d{6}")) {
        throw new IllegalStateException("Malformed line " + lineNumber + " in " + RESOURCE);
      }
      return new Row(
          cols[COL_CODE].strip(),
          cols[COL_PROVINCE].strip(),
          cols[COL_PREFECTURE].strip(),
          cols[COL_NAME].strip(),
          level(cols[COL_LEVEL].strip(), lineNumber),
          IN_USE.equals(cols[COL_STATUS].strip()),
          cols[COL_SINCE].strip().matches("\\d+") ? Integer.parseInt(cols[COL_SINCE].strip()) : 0);
    }

    private static Level level(String value, int lineNumber) {
      return switch (value) {
        case "省级" -> Level.PROVINCE;
        case "地级" -> Level.PREFECTURE;
        case "县级" -> Level.COUNTY;
        default ->
            throw new IllegalStateException(
                "Unknown level '" + value + "' on line " + lineNumber + " in " + RESOURCE);
      };
    }

    Division division() {
      return new Division(code, name, level, inUse);
    }

    String fullName() {
      Set<String> parts = new LinkedHashSet<>();
      parts.add(province);
      if (!prefecture.isEmpty() && !DIRECTLY_ADMINISTERED.equals(prefecture)) {
        parts.add(prefecture);
      }
      parts.add(name);
      parts.remove("");
      return String.join(" ", parts);
    }
  }
}
