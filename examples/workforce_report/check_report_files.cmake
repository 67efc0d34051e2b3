# Checks what examples.workforce_report wrote into ${DIR}: report.html with
# the six charts (each an <svg> with its id and drawn elements), no script
# and no external resource, and the six CSV tables with their header rows.
file(READ "${DIR}/report.html" html)
foreach(id chart-org chart-headcount chart-heatmap chart-ratings chart-ninebox chart-leave)
  string(REGEX MATCH "<svg id=\"${id}\"[^>]*>.*</svg>" svg "${html}")
  if(svg STREQUAL "")
    message(FATAL_ERROR "report.html: no <svg id=\"${id}\">")
  endif()
  string(FIND "${svg}" "</svg>" end)
  string(SUBSTRING "${svg}" 0 ${end} svg)
  if(NOT svg MATCHES "<(rect|path|line|circle) " OR NOT svg MATCHES "<text ")
    message(FATAL_ERROR "report.html: <svg id=\"${id}\"> draws nothing")
  endif()
endforeach()
if(html MATCHES "<script" OR html MATCHES "(src|href)=\"(https?:)?//")
  message(FATAL_ERROR "report.html: a script or an external resource")
endif()
foreach(table "headline.csv:metric,value"
              "headcount_by_month.csv:month,headcount_start,headcount_end,hires,separations"
              "survey_heatmap.csv:org_unit,unit_name,wave,verdict,respondents"
              "survey_locations.csv:location,wave,verdict,respondents"
              "ratings.csv:rating,label,before_count,before_percent,after_count"
              "nine_box.csv:performance,potential,verdict,count"
              "leave_balances.csv:balance_from_days,balance_to_days,employees")
  string(REPLACE ":" ";" parts "${table}")
  list(GET parts 0 name)
  list(GET parts 1 header)
  file(STRINGS "${DIR}/${name}" lines LIMIT_COUNT 2)
  list(LENGTH lines count)
  list(GET lines 0 first)
  if(count LESS 2 OR NOT first MATCHES "^${header}")
    message(FATAL_ERROR "${name}: expected a header starting \"${header}\" and a row")
  endif()
endforeach()
