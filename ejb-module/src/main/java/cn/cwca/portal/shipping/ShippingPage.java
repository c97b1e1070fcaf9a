package cn.cwca.portal.shipping;

import java.io.Serializable;
import java.util.List;

/** One page of an operator's list and the number of rows of all pages (for a lazy grid). */
public record ShippingPage<T extends Serializable>(List<T> rows, long total)
    implements Serializable {

  public ShippingPage {
    rows = List.copyOf(rows);
  }
}
