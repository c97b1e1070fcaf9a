package cn.cwca.portal.web.downloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class AgentDownloadTest {

  @Test
  void copiesEveryEntryAndAddsTheAgentPropertiesWithTheOrigin() throws IOException {
    Map<String, byte[]> original = new LinkedHashMap<>();
    original.put("ca-key-agent/", new byte[0]);
    original.put(
        "ca-key-agent/ca-key-agent.jar", "PK\u0003\u0004 jar".getBytes(StandardCharsets.UTF_8));
    original.put("ca-key-agent/start-agent.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
    original.put("ca-key-agent/README-安装说明.txt", "安装说明".getBytes(StandardCharsets.UTF_8));
    original.put(
        "ca-key-agent/agent.properties", "allowed-origins=https://evil.example".getBytes());

    ByteArrayOutputStream download = new ByteArrayOutputStream();
    AgentDownload.writeWithOrigin(
        new ByteArrayInputStream(zip(original)), download, "https://ca.example.cn");

    Map<String, byte[]> entries = unzip(download.toByteArray());
    assertEquals(
        List.of(
            "ca-key-agent/",
            "ca-key-agent/ca-key-agent.jar",
            "ca-key-agent/start-agent.sh",
            "ca-key-agent/README-安装说明.txt",
            "ca-key-agent/agent.properties"),
        List.copyOf(entries.keySet()));
    for (String name : List.of("ca-key-agent/ca-key-agent.jar", "ca-key-agent/README-安装说明.txt")) {
      assertArrayEquals(original.get(name), entries.get(name), name);
    }
    Properties properties = new Properties();
    properties.load(
        new StringReader(
            new String(entries.get(AgentDownload.PROPERTIES_ENTRY), StandardCharsets.UTF_8)));
    assertEquals("https://ca.example.cn", properties.getProperty("allowed-origins"));
    assertEquals(1, properties.size());
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
