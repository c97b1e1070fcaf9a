package cn.cwca.portal.invoice;

import java.io.Serializable;
import java.util.List;

/** One page of a finance desk list and the number of rows of all pages (for a lazy grid). */
public record InvoicePage<T extends Serializable>(List<T> rows, long total)
    implements Serializable {

  public InvoicePage {
    rows = List.copyOf(rows);
  }
}
