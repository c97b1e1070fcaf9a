package cn.cwca.portal.web;

import cn.cwca.portal.rules.AdministrativeDivisions;
import cn.cwca.portal.rules.AdministrativeDivisions.Division;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * State of the cascading 省 / 市 / 区县 choice of 所在行政区 on a page. Only divisions in use are offered;
 * the chosen division is the most specific one picked: the district, or the city when it has no
 * districts (e.g. 东莞市), or the province when it has no cities (e.g. 香港). Changing a level clears
 * the levels below it.
 */
public class DivisionPicker implements Serializable {

  private static final long serialVersionUID = 1L;

  private String province;
  private String city;
  private String district;

  /** Provinces in use, ordered by code. */
  public List<Division> getProvinces() {
    return catalogue().provinces();
  }

  /** Cities (and county-level divisions directly under the province) of the chosen province. */
  public List<Division> getCities() {
    return catalogue().children(province);
  }

  /** Districts of the chosen city. */
  public List<Division> getDistricts() {
    return catalogue().children(city);
  }

  public String getProvince() {
    return province;
  }

  /** Chooses the province; a different one clears city and district. */
  public void setProvince(String province) {
    if (!Objects.equals(this.province, province)) {
      this.province = province;
      this.city = null;
      this.district = null;
    }
  }

  public String getCity() {
    return city;
  }

  /** Chooses the city; a different one clears the district. */
  public void setCity(String city) {
    if (!Objects.equals(this.city, city)) {
      this.city = city;
      this.district = null;
    }
  }

  public String getDistrict() {
    return district;
  }

  public void setDistrict(String district) {
    this.district = district;
  }

  /**
   * Code of the most specific division chosen, {@code null} while the choice is incomplete (a level
   * that has divisions below it is not a valid choice on its own).
   */
  public String selectedCode() {
    if (district != null) {
      return district;
    }
    if (city != null) {
      return getDistricts().isEmpty() ? city : null;
    }
    if (province != null) {
      return getCities().isEmpty() ? province : null;
    }
    return null;
  }

  /** Forgets the choice. */
  public void clear() {
    province = null;
    city = null;
    district = null;
  }

  private static AdministrativeDivisions catalogue() {
    return AdministrativeDivisions.get();
  }
}
